"""Run the app in this process (Streamlit's AppTest) and submit one solution; used by test_queue.py.

    python -m tests.queue_app_probe DATA_DIR SLUG SOLUTION_FILE

Prints the verdict banner and exits 0 when the submission was accepted. The test watches this
process's descendants while it runs: with NNX_DOJO_QUEUE_URL set there must be no learner process.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from dojo.store import DB_NAME, Store
from tests.conftest import PROJECT_ROOT

PROFILE = "AppTestProfile00000002"


def main(data_dir: str, slug: str, solution: str) -> int:
    """Open the practice page with `solution` as the draft, press Submit, report the verdict."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs) -> None:  # as in tests/app/test_pages.py: leave the pages/ folder mode
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    PagesManager.__init__ = init
    store = Store(Path(data_dir) / DB_NAME)
    store.ensure_profile(PROFILE)
    store.save_draft(PROFILE, slug, Path(solution).read_text(encoding="utf-8"))
    store.close()
    at = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=300)
    at.query_params["u"] = PROFILE
    at.query_params["problem"] = slug
    at.run()
    at.button(key="submit").click().run()
    banners = [s.value for s in at.success] + [e.value for e in at.error] + [w.value for w in at.warning]
    print("\n".join(banners))
    return 0 if any("Accepted" in s.value for s in at.success) and not at.exception else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
