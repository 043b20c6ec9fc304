"""Findings pickle as the calls that make them (gialint.base.pickled), and come back equal."""

from __future__ import annotations

import pickle

from attrs import frozen

from conftest import full_finding
from gialint.base.location import FilePosition
from gialint.base.pickled import by_fields
from gialint.run.cache import Entry


def test_a_full_finding_round_trips_through_pickle() -> None:
    diagnostic = full_finding()
    entry = Entry((diagnostic, diagnostic), "gb18030", ".pdf", "text")
    data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
    assert pickle.loads(data) == entry
    assert b"replacement" not in data  # fields go by position, not by name
    assert pickle.loads(pickle.dumps(FilePosition(1, 2))) == FilePosition(1, 2)


@by_fields
@frozen
class _Base:
    a: int


@frozen
class _Derived(_Base):
    b: int


def test_a_subclass_with_fields_of_its_own_pickles_them_too() -> None:
    assert pickle.loads(pickle.dumps(_Base(1))) == _Base(1)
    assert pickle.loads(pickle.dumps(_Derived(1, 2))) == _Derived(1, 2)
