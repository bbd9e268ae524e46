import pytest

from jobroad.pdf import AssetRefused, bundled_asset_path, bundled_assets_only, render_pdf, text_direction
from tests.pdftext import compact, pdf_fonts, pdf_text


def test_arabic_script_languages_are_written_right_to_left():
    assert [text_direction(code) for code in ("ar", "fa", "prs", "ps", "nl", "ti", "uk")] == [
        "rtl", "rtl", "rtl", "rtl", "ltr", "ltr", "ltr",
    ]  # fmt: skip


def test_a_document_embeds_the_bundled_fonts_for_every_script(tmp_path, settings):
    template = tmp_path / "sample.html"
    template.write_text(
        '{% extends "pdf/base.html" %}{% block content %}<p>Welkom</p><p>مرحبا بكم</p>'
        "<p>እንቋዕ ብደሓን መጻእኩም</p><p>Ласкаво просимо</p>{% endblock %}"
    )
    # Assigned, not changed in place: Django then resets its template engines (setting_changed).
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]

    pdf = render_pdf("sample.html", {}, language="ar")

    text = pdf_text(pdf)
    assert "Welkom" in text and "Ласкаво просимо" in text
    assert "مرحبابكم" in compact(text)
    fonts = {line.split()[0].split("+")[-1] for line in pdf_fonts(pdf).splitlines()[2:]}
    assert {"Noto-Sans", "Noto-Sans-Cyrillic", "Noto-Sans-Arabic", "Noto-Sans-Ethiopic"} <= fonts


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/tracker.png",
        "file:///etc/passwd",
        "https://static.invalid/static/../../jobroad/settings.py",
        "https://static.invalid/media/upload.png",
    ],
)
def test_nothing_outside_the_bundled_assets_is_fetched(url):
    with pytest.raises(AssetRefused):
        bundled_assets_only().fetch(url)


def test_a_bundled_stylesheet_is_served():
    response = bundled_assets_only().fetch("https://static.invalid/static/css/print.css")

    assert (response.content_type, b"@page" in response.read()) == ("text/css", True)
    assert bundled_asset_path("https://static.invalid/static/css/print.css").name == "print.css"
