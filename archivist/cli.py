"""The `archivist` command: no arguments opens the GUI; subcommands run the Qt-free core.

Each family of subcommands lives in archivist/commands/<name>.py with a
`register(subparsers)` function; they are listed in COMMAND_MODULES.
"""
from __future__ import annotations

import argparse
import importlib
import sys
from importlib import metadata

from archivist import launch  # Qt-free: it imports the GUI only when called
from archivist.errors import ArchivistError

COMMAND_MODULES = ["split", "library", "bundle"]
EXIT_BAD_INPUT = 2


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


def main(argv: list[str] | None = None) -> int:
    _reconfigure_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.top_library is not None and getattr(args, "library", None) is None:
        args.library = args.top_library  # `archivist --library DIR search …` works too
    if args.command is None:
        args.library = args.top_library
        return launch.launch_gui(args)
    try:
        return int(args.func(args) or 0)
    except ArchivistError as exc:
        print(f"archivist: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("archivist: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
