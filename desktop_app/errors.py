"""Errors that every layer raises and every front end (CLI, GUI, server) turns into one clear sentence.

They live at the package root, below every layer, so that models, store, services, sync and reports
share one vocabulary without importing each other.
"""

from __future__ import annotations


class AhtcError(Exception):
    """Base of every error we expect to explain to a user."""

    def user_message(self) -> str:
        return str(self)


class ValidationError(AhtcError):
    """One or more fields are wrong; `errors` maps field name to a sentence an officer understands."""

    def __init__(self, errors: dict[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))

    @property
    def field(self) -> str:
        return next(iter(self.errors))

    @property
    def message(self) -> str:
        return self.errors[self.field]


class PermissionDenied(AhtcError):
    """The signed-in user's role does not allow this action."""


class RoleNotGranted(PermissionDenied):
    """The signing-in user's role in the users table is not what the SHO's signed grants say."""


class NotFound(AhtcError):
    """No live record with that id in that register."""


class StaleEdit(AhtcError):
    """Someone saved this record after the editor opened it."""


class WrongPassphrase(AhtcError):
    """The passphrase does not open any key slot for this user."""


class StoreNotFound(AhtcError):
    """There is no store in the chosen data folder."""


class StoreExists(AhtcError):
    """`init` was asked to create a store where one already is."""


class StoreDamaged(AhtcError):
    """The store or its key-slot file cannot be read: damaged, truncated or not ours."""


class StoreBusy(AhtcError):
    """The store is in use elsewhere (another window, a background task) and cannot be re-keyed now."""


class TooManyAttempts(AhtcError):
    """Several wrong passphrases in a row: the next try must wait `seconds`."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(f"too many wrong passphrases on this computer: wait {seconds} seconds, then try again")


class ConfirmationNeeded(AhtcError):
    """The action would replace or bring back something the user has not confirmed yet; nothing was changed."""


class UpgradeFailed(AhtcError):
    """A newer program could not bring an older store up to date; the store was put back exactly as it was."""


class FileProblem(AhtcError):
    """A file or folder cannot be read or written; the message names it and says why (store/faults.py).

    Never "damaged": a full disk, a write-protected stick or a file another program holds open is the
    computer's state, not the data's, and must not push anyone to restore over healthy data.
    """


class DiskFull(FileProblem):
    """No space left on the drive being written."""


class WriteProtected(FileProblem):
    """The drive is read-only (a locked stick, a CD) or this Windows account may not write there."""


class FileLocked(FileProblem):
    """Another program holds the file open (Excel, an antivirus scan, a second copy of the app)."""


class FileMissing(FileProblem):
    """A file or folder that was named is not there, or is a folder where a file was expected (or the reverse)."""


class InputDamaged(AhtcError):
    """A file given to a command was read and checked, and the check found it damaged or not what it claims."""


class BackupInvalid(InputDamaged):
    """A backup file is not a complete AHTC backup."""


class BundleRejected(AhtcError):
    """A sync bundle failed one named check; nothing was applied."""

    def __init__(self, check: str, detail: str) -> None:
        self.check = check
        self.detail = detail
        super().__init__(f"bundle refused ({check}): {detail}")
