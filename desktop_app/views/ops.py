"""The one way a widget runs service work: off the UI thread, with the result or error delivered back on it.

Like Anki's QueryOp/CollectionOp: `query()` reads, `write()` changes data and then announces what changed on
the one `changes` signal, so every open list decides for itself whether to reload. Widgets never start
threads; tests call `use_synchronous_runner()` so everything happens inline and in order.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop_app.services.records import Changed


class ChangeBus(QObject):
    """Carries every write's `Changed` (registers and ids) to whoever shows those registers."""

    changed = Signal(object)


changes = ChangeBus()


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.fn, self.relay = fn, relay

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # delivered to the UI thread, which explains it to the officer
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.failed.emit(exc)
        else:
            self.relay.done.emit(result)


_synchronous = False
_busy: list[_Relay] = []  # keeps relays alive until their job reports


def use_synchronous_runner(on: bool = True) -> None:
    global _synchronous
    _synchronous = on


def _default_error(exc: BaseException) -> None:
    raise exc


def query(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Run `fn` off the UI thread; `on_done(result)` or `on_error(exc)` then run on the UI thread."""
    error = on_error or _default_error
    if _synchronous:
        try:
            result = fn()
        except Exception as exc:
            error(exc)
            return
        on_done(result)
        return
    relay = _Relay()
    _busy.append(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        if relay in _busy:
            _busy.remove(relay)
        callback(value)

    relay.done.connect(lambda value: finish(on_done, value))
    relay.failed.connect(lambda exc: finish(error, exc))
    QThreadPool.globalInstance().start(_Job(fn, relay))


def write(
    fn: Callable[[], Changed],
    on_done: Callable[[Changed], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
) -> None:
    """Like `query`, for a service write: when it succeeds, its `Changed` goes out on `changes.changed`."""

    def done(changed: Changed) -> None:
        if on_done is not None:
            on_done(changed)
        changes.changed.emit(changed)

    query(fn, done, on_error)


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Let running jobs finish (used by the benchmark and on quit)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
