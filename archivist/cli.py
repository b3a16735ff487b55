"""The `archivist` command: no arguments opens the GUI; subcommands run the Qt-free core.

Each family of subcommands lives in archivist/commands/<name>.py with a
`register(subparsers)` function; they are listed in COMMAND_MODULES.
"""
from __future__ import annotations

import argparse
import errno
import importlib
import json
import os
import select
import sqlite3
import sys
from importlib import metadata

from archivist import launch  # Qt-free: it imports the GUI only when called
from archivist.errors import ArchivistError
from archivist.text.controls import escape_controls

COMMAND_MODULES = ["split", "library", "edition", "bundle", "training"]
EXIT_BAD_INPUT = 2
# What a shell reports for a program ended by SIGPIPE (128 + 13), as `head` leaves `cat`.
EXIT_BROKEN_PIPE = 141


def version() -> str:
    try:
        return metadata.version("archivist")
    except metadata.PackageNotFoundError:  # running from a source tree without install
        return "0+unknown"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archivist",
        description="Curate Chinese newspaper pages: split, clean, review, tag, search, export. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"archivist {version()}")
    # Its own dest: a subcommand's --library default (None) must not hide this one.
    parser.add_argument("--library", metavar="DIR", dest="top_library", default=None,
                        help="library folder the desktop app opens (default: the last one used)")
    # Hidden: open the desktop app, show the main window, close it, exit (make dist-check).
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"archivist.commands.{name}").register(sub)
    return parser


def _reconfigure_streams() -> None:
    # Chinese output must not die on a terminal or pipe with a legacy default encoding.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass


def _stdout_gone() -> bool:
    """Whether stdout is a pipe nobody reads any more (and not some other pipe, such as an
    import worker's, that broke)."""
    try:
        poll = select.poll()
        poll.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & select.POLLERR for _fd, events in poll.poll(0))
    except (AttributeError, OSError, ValueError):  # no poll() (Windows), no file descriptor
        return True


def _drop_stdout() -> None:
    """The reader went away: whatever is still buffered for stdout goes nowhere, so the
    flush at exit cannot raise a second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


class _SafeStream:
    """stdout/stderr for the commands: every control character a library, a file name or a
    bundle brings is written visibly (`\\u001b`), never obeyed by the terminal. The
    search highlight is the one sequence written as is (`trusted`)."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escape_controls(text))

    def trusted(self, text: str) -> int:
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


def write_trusted(text: str) -> None:
    """Text whose escape sequences the command itself put there (already escaped parts)."""
    out = sys.stdout
    (out.trusted if isinstance(out, _SafeStream) else out.write)(text)


def main(argv: list[str] | None = None) -> int:
    _reconfigure_streams()
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _SafeStream(sys.stdout), _SafeStream(sys.stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.top_library is not None and getattr(args, "library", None) is None:
        args.library = args.top_library  # `archivist --library DIR search …` works too
    if args.command is None:
        args.library = args.top_library
        return launch.launch_gui(args)
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, not at exit, so a closed pipe is seen below
        return code
    except BrokenPipeError:
        if not _stdout_gone():
            raise
        # `archivist search 青岛 | head`: the rest is not wanted. Quiet, as Unix tools are.
        _drop_stdout()
        return EXIT_BROKEN_PIPE
    except ArchivistError as exc:
        print(f"archivist: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (sqlite3.DatabaseError, ValueError, MemoryError, OSError) as exc:
        # What a damaged, read-only or full library, or a damaged record in it, raises:
        # one line, never a traceback. The transaction was rolled back.
        print(f"archivist: {_failure(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("archivist: interrupted", file=sys.stderr)
        return 130


def _failure(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "database or disk is full" in text:
        return "the disk is full; nothing was changed (free some space and try again)"
    if isinstance(exc, sqlite3.DatabaseError):
        if "readonly" in text or "read-only" in text:
            return "the library cannot be written (a read-only file or folder); nothing was changed"
        return f"the library is damaged ({text}); run `archivist check` to see the damage and recover"
    if isinstance(exc, (json.JSONDecodeError, UnicodeDecodeError)):
        return f"a damaged record in the library ({type(exc).__name__}: {text}); run `archivist check`"
    if isinstance(exc, MemoryError):
        return "not enough memory for this"
    if isinstance(exc, OSError):
        return f"{exc.filename + ': ' if exc.filename else ''}{exc.strerror or text}"
    return f"{type(exc).__name__}: {text}"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
