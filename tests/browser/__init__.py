"""Tests in a real browser (Chromium, Playwright): a package, so its conftest is not `conftest`."""
