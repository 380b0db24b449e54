"""Atomic writes: the target is replaced whole or not at all, backups keep the original."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaner.io.writing import atomic_output, atomic_write, backup_path, jsonl_line, output_text, write_stdout
from cleaner.result import Result


def test_output_text_format() -> None:
    assert output_text(Result(text="One.\n\nTwo.")) == "One.\n\nTwo.\n"
    assert output_text(Result(text="")) == ""


def test_backup_path() -> None:
    assert backup_path(Path("a/page.txt"), ".orig") == Path("a/page.txt.orig")


def test_atomic_write_new_file_in_new_folder(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "page.txt"
    atomic_write(target, "Zürich\n")
    assert target.read_bytes() == "Zürich\n".encode()
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # not mkstemp's private 0600
    assert os.listdir(target.parent) == ["page.txt"]


def test_atomic_write_replaces_and_keeps_mode_and_backup(tmp_path: Path) -> None:
    target = tmp_path / "page.txt"
    target.write_text("old text\n", encoding="utf-8")
    os.chmod(target, 0o600)
    atomic_write(target, "new text\n", backup=".orig")
    assert target.read_text(encoding="utf-8") == "new text\n"
    assert (tmp_path / "page.txt.orig").read_text(encoding="utf-8") == "old text\n"
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(os.listdir(tmp_path)) == ["page.txt", "page.txt.orig"]


def test_failure_inside_leaves_existing_target_and_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_output(target, backup=".bak") as fh:
        fh.write(b'{"half": "written"}\n')
        raise RuntimeError("bad line")
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]  # no temp file, and no backup for a run that failed


def test_failure_inside_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with pytest.raises(ValueError), atomic_output(target) as fh:
        fh.write(b"partial")
        raise ValueError
    assert os.listdir(tmp_path) == []


def test_content_is_visible_only_after_the_block(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old\n", encoding="utf-8")
    with atomic_output(target) as fh:
        fh.write(b"new\n")
        fh.flush()
        assert target.read_text(encoding="utf-8") == "old\n"  # readers still see the old file
    assert target.read_text(encoding="utf-8") == "new\n"


def test_keep_if_same_leaves_an_identical_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "page.txt"
    target.write_text("same\n", encoding="utf-8")
    os.utime(target, (1_000_000, 1_000_000))
    with atomic_output(target, backup=".orig", keep_if_same=True) as fh:
        fh.write(b"same\n")
    assert target.stat().st_mtime == 1_000_000
    assert os.listdir(tmp_path) == ["page.txt"]  # no backup, no temp file
    with atomic_output(target, backup=".orig", keep_if_same=True) as fh:
        fh.write(b"new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    assert (tmp_path / "page.txt.orig").read_text(encoding="utf-8") == "same\n"


def test_atomic_write_says_whether_it_replaced_the_file(tmp_path: Path) -> None:
    target = tmp_path / "page.txt"
    assert atomic_write(target, "text\n", keep_if_same=True) is True  # new file
    os.utime(target, (1_000_000, 1_000_000))
    assert atomic_write(target, "text\n", keep_if_same=True) is False
    assert target.stat().st_mtime == 1_000_000
    assert atomic_write(target, "text\n") is True  # without keep_if_same it is rewritten
    assert os.listdir(tmp_path) == ["page.txt"]


def test_write_stdout_streams_chunks_and_flushes_what_came_before_a_failure(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    def chunks():
        yield "Zürich\n".encode()
        raise RuntimeError("bad line")

    write_stdout("first\n")
    with pytest.raises(RuntimeError):
        write_stdout(chunks())
    assert capsysbinary.readouterr().out == "first\nZürich\n".encode()


def test_jsonl_line_copies_an_untouched_record_byte_for_byte() -> None:
    raw = b'{"text":"Same.",  "n": 1E2}'
    assert jsonl_line(raw, {"text": "Same.", "n": 100.0}, "Same.", text_field="text", output_field=None) == raw + b"\n"
    assert jsonl_line(raw, {"text": "Same.", "n": 100.0}, "Same.", text_field="text", output_field="clean") == (
        b'{"text": "Same.", "n": 100.0, "clean": "Same."}\n'
    )
