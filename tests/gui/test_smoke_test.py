"""`archivist --smoke-test`, what `make dist-check` runs in the built app: the main window
is shown on the library, the event loop runs, the window closes, exit 0."""
from archivist import cli


def test_smoke_test_shows_the_main_window_and_exits_cleanly(qapp, sample_library, capsys):
    assert cli.main(["--library", str(sample_library), "--smoke-test"]) == 0
    out = capsys.readouterr().out
    assert "smoke-test: shown=True articles=9 menu=&File icon=True exit=0" in out
    assert not qapp.topLevelWidgets() or not any(w.isVisible() for w in qapp.topLevelWidgets())


def test_smoke_test_fails_when_the_library_cannot_open(qapp, tmp_path, capsys):
    folder = tmp_path / "not-a-library"
    folder.write_text("a file where the library folder should be")
    assert cli.main(["--library", str(folder), "--smoke-test"]) == 1
    assert not any(w.isVisible() for w in qapp.topLevelWidgets())
