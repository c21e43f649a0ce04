"""AppTest helpers shared by the page tests: a private data folder, a known profile, text of a run."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dojo.store import DB_NAME, Store
from tests.conftest import PROJECT_ROOT

PROFILE = "AppTestProfile00000001"  # 22 characters, like the ids the app generates
APP = str(PROJECT_ROOT / "app.py")


@pytest.fixture(autouse=True)
def _navigation_like_a_running_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test side of the workaround explained in `dojo.session.require_navigation`.

    AppTest resets `PagesManager.uses_pages_directory` before every run, so each run would treat
    `pages/` as an old-style multipage app; a real server leaves that mode after its first run.
    """
    from streamlit.runtime.pages_manager import PagesManager

    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private data folder whose database already knows PROFILE; no warm pool."""
    monkeypatch.setenv("NNX_DOJO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("NNX_DOJO_POOL_SIZE", "0")  # each AppTest check starts a fresh process
    store = Store(tmp_path / DB_NAME)
    store.ensure_profile(PROFILE)  # as if the app had generated it on an earlier visit
    store.close()
    return tmp_path


def open_app(page: str | None = None, **params: str) -> AppTest:
    """The app run once with `?u=PROFILE` and `params`, then switched to `page` if given."""
    at = AppTest.from_file(APP, default_timeout=300)
    at.query_params["u"] = PROFILE
    for key, value in params.items():
        at.query_params[key] = value
    at.run()  # pages registered with a url_path are only known after a first run
    if page:
        at.switch_page(page).run()
    return at


def page_texts(at: AppTest) -> str:
    """Every Markdown, caption, title, subheader and page-link label of the last run, one per line."""
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [t.value for t in at.title]
    parts += [s.value for s in at.subheader] + [str(link.proto.label) for link in at.get("page_link")]
    return "\n".join(parts)
