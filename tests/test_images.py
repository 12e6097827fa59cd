"""The image pipeline: orientation, colour, metadata, sizes, bad input, cache, takedown, cards."""

from __future__ import annotations

import struct
import unicodedata
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageFile

from site_builder.images import cards
from site_builder.images.cache import prepare
from site_builder.images.process import Settings, process

FONT = Path(__file__).resolve().parent.parent / "assets" / "fonts" / "BeVietnamPro-Bold.ttf"
GOLDENS = Path(__file__).parent / "goldens" / "cards"
RED = (220, 20, 20)


def marked(size=(120, 80)) -> Image.Image:
    """A picture whose top-left quarter is red and the rest white: its orientation shows."""
    im = Image.new("RGB", size, (255, 255, 255))
    ImageDraw.Draw(im).rectangle([0, 0, size[0] // 2 - 1, size[1] // 2 - 1], fill=RED)
    return im


def run(path: Path, tmp: Path, **settings) -> tuple[dict[str, Image.Image], object]:
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    processed = process(path, out, Settings(**settings))
    decoded = {}
    for v in processed.variants:
        with Image.open(out / v.name) as im:
            decoded[v.name] = im.convert("RGBA" if processed.alpha else "RGB")
    return decoded, processed


def near(a, b, tolerance=40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=False))


# EXIF orientation → the transpose that stores an upright picture that way
STORED = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_exif_orientation_comes_out_upright(tmp_path: Path, orientation: int) -> None:
    stored = marked().transpose(STORED[orientation])
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored.save(tmp_path / "a.jpg", "JPEG", exif=exif, quality=95)
    decoded, processed = run(tmp_path / "a.jpg", tmp_path)
    assert (processed.width, processed.height) == (120, 80)
    picture = decoded["120.jpg"]
    assert near(picture.getpixel((10, 10)), RED)  # top left is red again
    assert near(picture.getpixel((110, 70)), (255, 255, 255))
    assert near(picture.getpixel((110, 10)), (255, 255, 255))


def test_no_output_keeps_any_metadata(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0xA431] = "SERIAL-123"  # body serial number
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (22.0, 20.0, 0.0)
    icc = Image.core.srgb_profile() if hasattr(Image.core, "srgb_profile") else None
    source = Image.new("RGB", (2000, 1500), (30, 120, 60))
    kwargs = {"icc_profile": icc} if icc else {}
    source.save(tmp_path / "gps.jpg", "JPEG", exif=exif, **kwargs)
    out = tmp_path / "out"
    out.mkdir()
    processed = process(tmp_path / "gps.jpg", out, Settings())
    assert [v.width for v in processed.of("jpeg")] == [1600, 960, 480]
    for variant in processed.variants:
        data = (out / variant.name).read_bytes()
        assert b"Exif" not in data and b"EXIF" not in data and b"SERIAL-123" not in data
        assert b"PhoneMaker" not in data and b"ICC_PROFILE" not in data
        with Image.open(out / variant.name) as im:
            assert not im.getexif() and "icc_profile" not in im.info and "xmp" not in im.info


def test_cmyk_is_converted_to_rgb(tmp_path: Path) -> None:
    Image.new("CMYK", (64, 64), (0, 255, 255, 0)).save(tmp_path / "c.jpg", "JPEG")
    decoded, _ = run(tmp_path / "c.jpg", tmp_path)
    assert decoded["64.jpg"].mode == "RGB"
    assert near(decoded["64.jpg"].getpixel((32, 32)), (255, 0, 0), 60)


def test_grayscale(tmp_path: Path) -> None:
    Image.new("L", (50, 50), 128).save(tmp_path / "g.png")
    decoded, processed = run(tmp_path / "g.png", tmp_path)
    assert not processed.alpha and near(decoded["50.jpg"].getpixel((25, 25)), (128, 128, 128), 6)


def test_sixteen_bit_png_keeps_its_levels(tmp_path: Path) -> None:
    Image.new("I;16", (40, 40), 40000).save(tmp_path / "d.png")
    decoded, _ = run(tmp_path / "d.png", tmp_path)
    level = round(40000 / 256)
    assert near(decoded["40.jpg"].getpixel((20, 20)), (level, level, level), 4)


def test_palette_png_with_transparency_keeps_alpha(tmp_path: Path) -> None:
    im = Image.new("P", (40, 40), 0)
    im.putpalette([255, 0, 0] + [0, 0, 255] * 255)
    ImageDraw.Draw(im).rectangle([20, 0, 39, 39], fill=1)
    im.save(tmp_path / "p.png", transparency=0)
    decoded, processed = run(tmp_path / "p.png", tmp_path)
    assert processed.alpha and sorted(decoded) == ["40.png", "40.webp"]
    assert decoded["40.png"].getpixel((5, 5))[3] == 0
    assert near(decoded["40.png"].getpixel((30, 5)), (0, 0, 255, 255), 2)


def test_animated_gif_gives_its_first_frame(tmp_path: Path) -> None:
    frames = [Image.new("RGB", (30, 30), colour) for colour in ((0, 200, 0), (200, 0, 0))]
    frames[0].save(tmp_path / "a.gif", save_all=True, append_images=frames[1:], duration=100)
    decoded, _ = run(tmp_path / "a.gif", tmp_path)
    assert near(decoded["30.jpg"].getpixel((15, 15)), (0, 200, 0), 12)


def test_tiny_image_is_not_upscaled(tmp_path: Path) -> None:
    marked((100, 80)).save(tmp_path / "t.png")
    _, processed = run(tmp_path / "t.png", tmp_path)
    assert {(v.width, v.height) for v in processed.variants} == {(100, 80)}


def test_panorama_keeps_its_proportions(tmp_path: Path) -> None:
    marked((6000, 1000)).save(tmp_path / "pano.jpg", quality=70)
    _, processed = run(tmp_path / "pano.jpg", tmp_path)
    assert [(v.width, v.height) for v in processed.of("jpeg")] == [
        (1600, 267),
        (960, 160),
        (480, 80),
    ]


def test_avif_when_asked(tmp_path: Path) -> None:
    marked((600, 400)).save(tmp_path / "a.jpg")
    _, processed = run(tmp_path / "a.jpg", tmp_path, avif=True)
    assert [v.width for v in processed.of("avif")] == [600, 480]


# --- through a real build ---------------------------------------------------------------------

ALBUM = """\
title: {{vi: Album, en: Album}}
photos:
  - src: "{first}"
    alt: {{vi: Ảnh một, en: Photo one}}
  - src: "{second}"
    alt: {{vi: Ảnh hai, en: Photo two}}
"""


def jpeg_bytes(tmp_path: Path, colour=(10, 120, 40), size=(900, 600)) -> bytes:
    path = tmp_path / f"src-{colour[0]}-{size[0]}.jpg"
    Image.new("RGB", size, colour).save(path, "JPEG")
    return path.read_bytes()


def test_file_names_with_diacritics_and_spaces(make_site, tmp_path: Path) -> None:
    site = make_site({
        "content/albums/a.yml": ALBUM.format(first="ảnh đẹp/Lễ hội 1.jpg", second="x.jpg"),
        "content/images/ảnh đẹp/Lễ hội 1.jpg": jpeg_bytes(tmp_path),
        "content/images/x.jpg": jpeg_bytes(tmp_path, (200, 0, 0)),
    })  # fmt: skip
    assert site.build().code == 0
    names = sorted(p.name for p in (site.site / "anh").glob("anh-dep-le-hoi-1-*"))
    assert len(names) == 4 and all(n.startswith("anh-dep-le-hoi-1-") for n in names)
    assert names[0].endswith("-480.jpg")


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares a size and holds no pixels: a decompression bomb's header."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
            + struct.pack(">I", zlib.crc32(chunk)) + b"\0\0\0\0IEND\xaeB`\x82")  # fmt: skip


def bmp_bytes(tmp_path: Path) -> bytes:
    Image.new("RGB", (10, 10)).save(tmp_path / "b.bmp")
    return (tmp_path / "b.bmp").read_bytes()


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("empty.jpg", lambda tmp: b"",
         "lỗi: 'photos[1].src': tệp ảnh 'empty.jpg' rỗng (0 byte) "
         "(gợi ý: chép lại ảnh gốc vào content/images/)"),
        ("text.jpg", lambda tmp: b"this is not a picture at all",
         "lỗi: 'photos[1].src': tệp 'text.jpg' không phải là ảnh "
         "(gợi ý: dùng ảnh JPEG, PNG, WebP, TIFF hoặc GIF)"),
        ("bomb.png", lambda tmp: png_header(10_000, 10_000),
         "lỗi: 'photos[1].src': ảnh 'bomb.png' có 100000000 điểm ảnh, quá giới hạn 60000000 "
         "(gợi ý: thu nhỏ ảnh xuống khoảng 4000 điểm ảnh chiều dài rồi lưu lại)"),
        ("bitmap.jpg", bmp_bytes,
         "lỗi: 'photos[1].src': ảnh 'bitmap.jpg' có định dạng BMP, không được chấp nhận "
         "(gợi ý: lưu lại dạng JPEG, PNG, WebP hoặc TIFF)"),
    ],
)  # fmt: skip
def test_bad_images_are_refused_with_file_and_line(
    make_site, tmp_path, name, make, message
) -> None:
    site = make_site({
        "content/albums/a.yml": ALBUM.format(first="ok.jpg", second=name),
        "content/images/ok.jpg": jpeg_bytes(tmp_path),
        f"content/images/{name}": make(tmp_path),
    })  # fmt: skip
    result = site.cli("check")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"content/albums/a.yml:5:10: {message}"


def test_truncated_image_is_refused_at_the_image_stage(make_site, tmp_path) -> None:
    data = jpeg_bytes(tmp_path, size=(1200, 900))
    site = make_site({
        "content/albums/a.yml": ALBUM.format(first="ok.jpg", second="cut.jpg"),
        "content/images/ok.jpg": data,
        "content/images/cut.jpg": data[: len(data) // 3],
    })  # fmt: skip
    result = site.cli("build")
    assert result.returncode == 1
    line = result.stderr.splitlines()[0]
    assert line.startswith(
        "content/albums/a.yml:5:10: lỗi: 'photos[1].src': tệp 'cut.jpg' không phải ảnh đọc được ("
    )
    assert "truncated" in line and line.endswith(
        "(gợi ý: mở ảnh bằng trình xem ảnh và lưu lại dạng JPEG hoặc PNG)"
    )
    assert "Traceback" not in result.stderr and not site.exists("index.html")


# --- the cache -------------------------------------------------------------------------------


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every pixel decode Pillow does, by patching Pillow itself."""
    seen: list[str] = []
    original = ImageFile.ImageFile.load

    def load(self):  # type: ignore[no-untyped-def]
        seen.append(str(getattr(self, "filename", "")))
        return original(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)
    return seen


def _three_photos(tmp_path: Path, size: tuple[int, int]) -> tuple[Path, dict]:
    """Three plain photos named by one album, as `prepare` is given them."""
    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    for n in range(3):
        Image.new("RGB", size, (n * 60, 80, 40)).save(images / f"{n}.jpg")
    return images, {f"{n}.jpg": ("content/albums/a.yml", n + 1, 1, "photos") for n in range(3)}


def test_second_run_decodes_nothing_and_one_change_reprocesses_one(tmp_path, decodes) -> None:
    images, sources = _three_photos(tmp_path, (700, 500))
    first = prepare(tmp_path, sources, Settings(), workers=1)
    assert len({Path(f).name for f in decodes}) == 3
    decodes.clear()
    again = prepare(tmp_path, sources, Settings(), workers=1)
    assert decodes == [] and again == first
    Image.new("RGB", (700, 500), (250, 250, 0)).save(images / "1.jpg")
    prepare(tmp_path, sources, Settings(), workers=1)
    assert {Path(f).name for f in decodes} == {"1.jpg"}
    decodes.clear()
    prepare(tmp_path, sources, Settings(widths=(480,)), workers=1)  # new settings: new outputs
    assert len({Path(f).name for f in decodes}) == 3


def test_an_unchanged_run_reads_no_entry_twice_and_leaves_the_index(tmp_path, monkeypatch) -> None:
    from site_builder.cache.memory import Memory

    images, sources = _three_photos(tmp_path, (300, 200))
    kept = Memory()  # a long-running process's (the preview's session)
    first = prepare(tmp_path, sources, Settings(), workers=1, memory=kept)
    index_file = tmp_path / ".cache" / "site-builder" / "images" / "index.json"
    index = index_file.stat()
    reads: list[Path] = []
    real = Path.read_text
    monkeypatch.setattr(Path, "read_text", lambda p, *a, **k: reads.append(p) or real(p, *a, **k))
    again = prepare(tmp_path, sources, Settings(), workers=1, memory=kept)
    assert again == first
    assert not [p for p in reads if p.name == "meta.json"]  # entries never change once made
    assert prepare(tmp_path, sources, Settings(), workers=1) == first  # a build keeps none:
    assert [p.name for p in reads].count("meta.json") == 3  # it reads the three entries
    after = index_file.stat()
    assert (after.st_ino, after.st_mtime_ns) == (index.st_ino, index.st_mtime_ns)
    Image.new("RGB", (300, 200), (250, 250, 0)).save(images / "1.jpg")
    assert prepare(tmp_path, sources, Settings(), workers=1)["1.jpg"] != first["1.jpg"]
    assert index_file.stat().st_ino != index.st_ino  # the new source's digest is recorded


def test_parallel_and_serial_give_the_same_outputs(tmp_path) -> None:
    images = tmp_path / "content" / "images"
    images.mkdir(parents=True)
    for n in range(4):
        Image.new("RGB", (300, 200), (n * 50, 10, 10)).save(images / f"{n}.png")
    sources = {f"{n}.png": ("x.yml", 1, 1, "photos") for n in range(4)}
    parallel = prepare(tmp_path, sources, Settings(), workers=2)
    assert parallel == prepare(tmp_path, sources, Settings(), workers=1)


def test_takedown_removes_every_trace(make_site, tmp_path) -> None:
    site = make_site({
        "content/albums/a.yml": ALBUM.format(first="giu.jpg", second="go.jpg"),
        "content/images/giu.jpg": jpeg_bytes(tmp_path, (10, 10, 200)),
        "content/images/go.jpg": jpeg_bytes(tmp_path, (200, 10, 10)),
    })  # fmt: skip
    assert site.build().code == 0
    assert len(list((site.site / "anh").glob("go-*"))) == 4  # 900 and 480 wide, WebP and JPEG
    site.write("content/albums/a.yml", ALBUM.format(first="giu.jpg", second="go.jpg").split(
        '  - src: "go.jpg"')[0])  # fmt: skip
    assert site.build().code == 0
    every = [p for p in site.site.rglob("*") if p.is_file()]
    assert not [p for p in every if p.name.startswith("go-")]
    text = "".join(
        p.read_text(errors="ignore") for p in every if p.suffix in (".html", ".xml", ".json")
    )
    assert "go-" not in text.replace("giu-", "") and "Ảnh hai" not in text
    assert len(list((site.site / "anh").glob("giu-*"))) == 4


def test_alt_text_without_english_keeps_the_album_out_of_english(make_site, tmp_path) -> None:
    album = ALBUM.format(first="a.jpg", second="a.jpg").replace("{vi: Ảnh hai, en: Photo two}",
                                                                "{vi: Ảnh hai}")  # fmt: skip
    site = make_site({"content/albums/a.yml": album, "content/images/a.jpg": jpeg_bytes(tmp_path)})
    assert site.build().code == 0
    assert site.exists("thu-vien-anh/a/index.html")
    assert not site.exists("en/thu-vien-anh/a/index.html")


# --- social cards ------------------------------------------------------------------------------

TITLE = "Đảng bộ huyện Tam Đường — Ủy ban nhân dân"


def test_card_draws_nfc_and_matches_the_reference(request) -> None:
    card = cards.Card(TITLE, "Tam Đường 20 năm", "2002 – 2022")
    drawn = cards.draw(card, FONT)
    nfd = cards.draw(cards.Card(unicodedata.normalize("NFD", TITLE), card.site, card.years), FONT)
    assert ImageChops.difference(drawn, nfd).getbbox() is None  # NFD input is drawn as NFC
    golden = GOLDENS / "dang-bo-huyen.png"
    if request.config.getoption("--update-goldens"):
        drawn.save(golden)
    with Image.open(golden) as reference:
        difference = ImageChops.difference(drawn, reference.convert("RGB")).convert("L")
        histogram = difference.histogram()
        changed = sum(histogram[16:])
        assert changed / (drawn.width * drawn.height) < 0.002  # within a pixel tolerance


def test_card_title_region_differs_from_background() -> None:
    drawn = cards.draw(cards.Card(TITLE, "x", "y"), FONT)
    blank = cards.draw(cards.Card("", "x", "y"), FONT)
    box = ImageChops.difference(drawn, blank).getbbox()
    assert box is not None and box[0] >= cards.MARGIN and box[2] <= 1200 - cards.MARGIN - 200


def test_long_title_wraps_inside_the_card() -> None:
    long = " ".join(["Phát động đợt thi đua cao điểm chào mừng kỷ niệm 20 năm"] * 6)
    drawn = cards.draw(cards.Card(long, "x", "y"), FONT)
    blank = cards.draw(cards.Card("", "x", "y"), FONT)
    box = ImageChops.difference(drawn, blank).getbbox()
    assert box is not None
    _, _, right, bottom = box
    assert right <= 1200 - cards.MARGIN - 200 and bottom < 630 - 116  # above the footer band
