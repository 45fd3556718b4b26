"""One exception family for the whole package, mapped to exit codes at the CLI edge."""


class FactcheckError(Exception):
    """Base class of every error factcheck reports to its user as one clear line."""

    exit_code = 2


class InputError(FactcheckError):
    """Unreadable, empty, binary, oversized or malformed input."""


class CorpusIndexError(FactcheckError):
    """A missing, corrupted, locked or incompatible index."""


class ClaimsError(FactcheckError):
    """A draft from which claims cannot be extracted."""


class ModelError(FactcheckError):
    """A model file that is missing or does not match its pinned hash."""


class StoreError(FactcheckError):
    """A claim store that cannot be opened, migrated or locked."""
