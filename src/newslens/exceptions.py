"""Named failures: the CLI turns each into a one-line message and a nonzero exit."""


class NewslensError(Exception):
    """Base class for every error newslens reports to a user."""


class ArticleError(NewslensError):
    """The article file cannot be read as a news article (missing, empty, binary, not UTF-8, too big)."""


class ModelNotFoundError(NewslensError):
    """The requested spaCy pipeline is not installed."""


class ReportError(NewslensError):
    """Executing or converting the report notebook failed."""


class OutputError(NewslensError):
    """A result cannot be written where the user asked (a missing folder, a special file, no permission)."""


class CorpusError(NewslensError):
    """A corpus run cannot go on (no scheduler, no article at all), or a folder holds no corpus tables."""


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM): unwound like Ctrl-C, so workers and kernels stop with it."""
