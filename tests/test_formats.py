"""Article files of every kind → ArticleInput, with clear messages for bad ones."""

import json
from datetime import date

import pytest

from app.formats import article_files, parse_bytes, read_file
from app.textfile import UnreadableArticle


def write(tmp_path, name, content):
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_markdown_front_matter_gives_the_metadata(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Kim trifft Lawrow\nurl: https://example.org/a\npublisher: Yonhap\n"
                                    "published: 2025-07-12\nlanguage: de\n---\nLawrow sagte: „Wir sind Partner.“\n")
    [item] = read_file(path)
    assert (item.title, item.publisher, item.published, item.origin) == ("Kim trifft Lawrow", "Yonhap", date(2025, 7, 12), "md")
    assert item.body.startswith("Kim trifft Lawrow\n\nLawrow sagte")  # headline first


@pytest.mark.parametrize("front", ["---\ntitle: [unclosed\n---\nText", "---\n- a\n- b\n---\nText",
                                   "---\npublished: gestern\n---\nText", "---\ntitle: x\nText without end"])
def test_broken_front_matter_is_refused_by_name(tmp_path, front):
    with pytest.raises(UnreadableArticle, match=r"^b\.md: "):
        read_file(write(tmp_path, "b.md", front))


def test_html_main_text_and_metadata(tmp_path):
    html = ("<html lang=de><head><title>Kim sagt Moskau Unterstützung zu</title>"
            '<meta property="og:site_name" content="ntv.de"><meta name="date" content="2025-07-12">'
            '<link rel="canonical" href="https://www.n-tv.de/politik/a.html"></head><body><nav>Menü Politik Sport</nav>'
            "<article><h1>Kim sagt Moskau Unterstützung zu</h1><p>Nordkoreas Machthaber Kim Jong Un hat Russland "
            "seine Unterstützung zugesagt. „Wir stehen fest an der Seite Russlands“, sagte Kim laut KCNA.</p>"
            "<p>Der russische Außenminister Sergej Lawrow ist zu Besuch in Wonsan.</p></article>"
            "<footer>Impressum Datenschutz</footer></body></html>")
    [item] = read_file(write(tmp_path, "a.html", html))
    assert item.title == "Kim sagt Moskau Unterstützung zu"
    assert item.publisher == "ntv.de" and item.url == "https://www.n-tv.de/politik/a.html"
    assert item.published == date(2025, 7, 12) and item.date_basis == "stated"
    assert "„Wir stehen fest an der Seite Russlands“" in item.body
    assert "Impressum" not in item.body and "Menü" not in item.body


def test_a_batch_keeps_good_lines_and_names_bad_ones(tmp_path):
    lines = [
        json.dumps({"title": "Eins", "body": "Text eins", "publisher": "dpa", "published": "2025-01-02"}),
        "{not json",
        json.dumps({"title": "Zwei"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"body": "Text drei", "published": "bald"}),
        json.dumps({"text": "Text vier"}),
    ]
    items = read_file(write(tmp_path, "batch.jsonl", "\n".join(lines)))
    good = [i for i in items if not isinstance(i, UnreadableArticle)]
    bad = [str(i) for i in items if isinstance(i, UnreadableArticle)]
    assert [g.body for g in good] == ["Eins\n\nText eins", "Text vier"]
    assert good[0].published == date(2025, 1, 2) and good[0].file_name == "batch.jsonl line 1"
    assert bad == [
        "batch.jsonl line 2: not valid JSON (Expecting property name enclosed in double quotes)",
        'batch.jsonl line 3: no text (give it as "body")',
        "batch.jsonl line 4: expected a JSON object",
        "batch.jsonl line 6: published must be a date like 2025-02-09, not 'bald'",
    ]


def test_sidecar_and_options_metadata(tmp_path):
    path = write(tmp_path, "c.txt", "Titel\nText")
    write(tmp_path, "c.meta.json", json.dumps({"publisher": "Yonhap", "published": "2024-11-01"}))
    [item] = read_file(path)
    assert (item.publisher, item.published) == ("Yonhap", date(2024, 11, 1))


@pytest.mark.parametrize("name, data, message", [
    ("e.txt", b"", "the file is empty"),
    ("f.txt", b"\x00\x01binary", "a binary file"),
    ("g.pdf", b"%PDF-1.4", "not an article file"),
    ("h.txt", b"x" * 2001, "over the limit of 2000"),
    ("i.html", b"<html><head><title>x</title></head><body></body></html>", "no article text found"),
])
def test_bad_files_get_clear_messages(name, data, message):
    with pytest.raises(UnreadableArticle, match=message):
        parse_bytes(data, name, max_bytes=2000)


def test_cp1252_is_converted():
    [item] = parse_bytes("Gr\u00fc\u00dfe \u201eZitat\u201c".encode("cp1252"), "w.txt")
    assert item.body == "Grüße „Zitat“"


def test_folders_and_globs(tmp_path):
    for name in ["a.txt", "b.md", "c.meta.json", "README.md", "d.pdf", "sub/e.jsonl"]:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        write(tmp_path, name, "x")
    assert [p.name for p in article_files([tmp_path])] == ["a.txt", "b.md", "e.jsonl"]
    assert [p.name for p in article_files([str(tmp_path / "*.md")])] == ["README.md", "b.md"]
    [missing] = article_files([str(tmp_path / "nothing*.txt")])
    assert isinstance(missing, UnreadableArticle) and "no file matches" in str(missing)
