"""What a document works out once — its format version, the version its year calls for, a
table's id — is what its fields say, and a document made from another with other fields
(``attrs.evolve``, as a run sets ``previous``) works it out anew."""

from __future__ import annotations

import attrs

from conftest import REPORTS
from gialint.analyze.document import parse_document


def test_the_version_worked_out_once_is_the_fields_and_an_evolved_document_works_it_out_anew() -> None:
    doc = parse_document(REPORTS[0].read_text(encoding="utf-8"))
    assert doc.year is not None and doc.expected_version is not None
    assert doc.expected_version is doc.model.expected_version(doc.year.year)
    assert doc.version == doc.expected_version.id
    for version in doc.model.versions:
        other = attrs.evolve(doc, year=None, assumed_version=version.id)
        assert other.expected_version is version
        assert other.version == version.id
    unknown = attrs.evolve(doc, year=None, assumed_version=None)
    assert unknown.expected_version is None
    fits = {v for t in doc.tables if len(t.versions) == 1 for v in t.versions}
    assert unknown.version == (fits.pop() if len(fits) == 1 else None)
    assert doc.version == doc.expected_version.id  # the first document's own are kept


def test_a_tables_id_is_its_specs_also_when_made_from_another() -> None:
    for path in REPORTS:
        doc = parse_document(path.read_text(encoding="utf-8"))
        for table in doc.tables:
            assert table.id == table.spec.id
            other = next(spec for spec in doc.model.tables.values() if spec.id != table.id)
            assert attrs.evolve(table, spec=other).id == other.id
            assert table.id == table.spec.id
