"""GUI timings on a big demo store (not a test): start → unlocked main window, opening each list, search latency.

    ahtc --data-dir /tmp/ahtc-bench100k demo --records 100000      # once, takes a few minutes
    python bench/bench_gui.py /tmp/ahtc-bench100k

Targets (issue 3): unlocked window under 2 s, each list under 300 ms, search-as-you-type under 100 ms.
Unlock includes the Argon2id key derivation at the store's own cost, as an officer would wait for it.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from machine import machine  # bench/machine.py (run as python bench/<name>.py)
from PySide6.QtWidgets import QApplication

from desktop_app.services.demo import DEMO_PASSPHRASE, DEMO_USER
from desktop_app.services.records import ListQuery, Records
from desktop_app.services.registry import load_all
from desktop_app.views import ops
from desktop_app.views.app import Session, load_fonts
from desktop_app.views.listpage import RegisterListPage
from desktop_app.views.start import UnlockDialog

SEARCHES = ("344", "3440", "34401-0", "Ahmad", "Iqbal", "محمد", "Rasul", "0300", "Muhammed Tarar", "Bhatta")
# What a search-as-you-type list sees first when an officer types slowly: one and two letters (no trigram to use).
FIRST_LETTERS = ("A", "Ah")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def searches(page: RegisterListPage) -> list[float]:
    timings = []
    for text in SEARCHES + FIRST_LETTERS:
        t0 = time.perf_counter()
        page.search.setText(text)
        page.apply_filters()
        elapsed = time.perf_counter() - t0
        timings.append(elapsed)
        print(f"  {text!r:20} {page.count_label.text():>14} {ms(elapsed)}")
    print(f"  median {ms(statistics.median(timings))}   worst {ms(max(timings))}")
    return timings


def main(data_dir: Path) -> int:
    print(machine())
    app = QApplication.instance() or QApplication(sys.argv[:1])
    load_fonts()
    ops.use_synchronous_runner(True)  # time the work itself, start to finish
    started = time.perf_counter()
    dialog = UnlockDialog(data_dir, username=DEMO_USER)
    dialog.passphrase.setText(DEMO_PASSPHRASE)
    dialog.try_unlock()
    assert dialog.ctx is not None, dialog.error.text()
    session = Session(data_dir)
    window = session.signed_in(dialog.ctx)
    app.processEvents()
    print(f"start → unlocked main window  {ms(time.perf_counter() - started)}   (target 2000 ms)")
    ctx = dialog.ctx
    records = Records(ctx)
    print(f"{'list':28} {'rows':>8}  open (count + first page, target 300 ms)")
    for name in load_all():
        t0 = time.perf_counter()
        page = RegisterListPage(ctx, name, lambda *a: None)
        page.ensure_loaded()
        app.processEvents()
        elapsed = time.perf_counter() - t0
        print(f"{name:28} {page.model.total:8,}  {ms(elapsed)}")
        page.deleteLater()
    page = RegisterListPage(ctx, "persons", lambda *a: None)
    page.ensure_loaded()
    print("search as you type (persons list, count + first page; target 100 ms), each search for the first time")
    first_time = searches(page)
    print("the same searches again (the index pages they read are decrypted in the page cache by now)")
    searches(page)
    words = first_time[: len(SEARCHES)]
    print(f"  first time, without the first letters: median {ms(statistics.median(words))}   worst {ms(max(words))}")
    t0 = time.perf_counter()
    model = page.model
    page.search.setText("")
    page.apply_filters()
    while model.canFetchMore() and model.rowCount() < 5000:
        model.fetchMore()
    print(f"scroll: first 5,000 persons fetched page by page {ms(time.perf_counter() - t0)}")
    _ = records.count("persons", ListQuery())
    window.close()
    session.ctx.store.close() if session.ctx else None
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/ahtc-bench100k")))
