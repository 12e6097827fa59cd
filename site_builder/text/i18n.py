"""Translatable text, the language fallback rule, and the site's interface strings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

LANGS = ("vi", "en")


@dataclass(frozen=True)
class Text:
    """A `{vi, en}` pair: Vietnamese always present, English optional."""

    vi: str
    en: str | None = None

    def get(self, lang: str) -> str:
        """Return the text in `lang`; Vietnamese where English is missing."""
        if lang == "en" and self.en is not None:
            return self.en
        return self.vi


_MONTHS_EN = (
    "January February March April May June July August September October November December"
).split()


def format_date(value: dt.date, lang: str) -> str:
    """Format a date the way each language writes it: 21/9/2002, 21 September 2002."""
    if lang == "vi":
        return f"{value.day}/{value.month}/{value.year}"
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def format_month(year: int, month: int, lang: str) -> str:
    """Name a month: "Tháng 6/2022", "June 2022"."""
    if lang == "vi":
        return f"Tháng {month}/{year}"
    return f"{_MONTHS_EN[month - 1]} {year}"


def format_number(value: float, lang: str) -> str:
    """Group thousands and mark decimals per language: 1.234,5 (vi) and 1,234.5 (en)."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    if lang == "vi":
        return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


# Interface strings of our own pages (Material translates its own chrome).
STRINGS: dict[str, tuple[str, str]] = {
    "home": ("Trang chủ", "Home"),
    "about": ("Giới thiệu", "About"),
    "plan": ("Kế hoạch thi đua", "Campaign plan"),
    "fields": ("Thành tựu", "Achievements"),
    "timeline": ("Dòng thời gian", "Timeline"),
    "people": ("Gương điển hình", "Exemplars"),
    "honours": ("Khen thưởng", "Honour roll"),
    "news": ("Tin tức", "News"),
    "albums": ("Thư viện ảnh", "Photo albums"),
    "programmes": ("Chương trình phát thanh", "Radio programmes"),
    "programmes_intro": (
        "Các chương trình phát thanh chào mừng 20 năm thành lập huyện đã lên sóng: tên chương "
        "trình, chuyên mục, ngày giờ phát sóng và nội dung chính.",
        "The radio programmes for the district's 20th anniversary that went on air: title, "
        "column, air date and time, and what each was about.",
    ),
    "programme_column": ("Chuyên mục", "Column"),
    "aired_on": ("Phát sóng", "On air"),
    "repeated_at": ("phát lại", "repeated at"),
    "not_aired": ("Chưa phát sóng (chỉ hiện khi xem trước)", "Not on air yet (preview only)"),
    "people_column": (
        "Gương người tốt, việc tốt – điển hình tiên tiến",
        "Good people, good deeds – advanced exemplars",
    ),
    "people_intro": (
        "Chuyên mục gương người tốt, việc tốt và các điển hình tiên tiến trong phong trào thi "
        "đua: cá nhân, tập thể theo lĩnh vực và theo xã, thị trấn.",
        "Examples of good people and good deeds, and the advanced exemplars of the emulation "
        "movement: individuals and collectives, by field and by commune.",
    ),
    "illustrative": ("Nội dung minh họa", "Illustrative content"),
    "illustrative_note": (
        "Nội dung này được tạo ra để minh họa bố cục trang, không phải tư liệu thật.",
        "This content was made up to show the page layout; it is not a record.",
    ),
    "not_in_english": ("Chưa có bản tiếng Anh", "not available in English"),
    "other_language": ("English", "Tiếng Việt"),
    "source": ("Nguồn", "Source"),
    "sources": ("Nguồn", "Sources"),
    "indicator": ("Chỉ tiêu", "Indicator"),
    "unit": ("Đơn vị", "Unit"),
    "change": ("Thay đổi", "Change"),
    "metrics": ("Số liệu", "Figures"),
    "related_milestones": ("Mốc sự kiện liên quan", "Related milestones"),
    "related_news": ("Tin liên quan", "Related news"),
    "related_people": ("Gương điển hình liên quan", "Related exemplars"),
    "individual": ("Cá nhân", "Individual"),
    "collective": ("Tập thể", "Collective"),
    "individuals": ("Cá nhân", "Individuals"),
    "collectives": ("Tập thể", "Collectives"),
    "giay-khen": ("Giấy khen", "Certificate of merit (district)"),
    "bang-khen": ("Bằng khen", "Certificate of merit (province)"),
    "decision": ("Quyết định", "Decision"),
    "issuer": ("Cơ quan ban hành", "Issued by"),
    "recipients": ("Tập thể, cá nhân được khen thưởng", "Recipients"),
    "unpublished_recipients": ("và {n} cá nhân khác", "and {n} other individual(s)"),
    "number": ("Số", "No."),
    "date": ("Ngày", "Date"),
    "place_date": ("{place}, ngày {date}", "{place}, {date}"),
    "blank": ("—", "—"),
    "recipients_plan": ("Nơi nhận", "Recipients"),
    "author": ("Tác giả", "Author"),
    "category": ("Chuyên mục", "Category"),
    "tags": ("Từ khóa", "Tags"),
    "campaign": ("Chiến dịch thi đua", "The campaign"),
    "photos": ("ảnh", "photos"),
    "credit": ("Ảnh", "Photo"),
    "licence": ("Giấy phép", "Licence"),
    "see_all": ("Xem tất cả", "See all"),
    "latest_news": ("Tin mới", "Latest news"),
    "founded": ("Ngày thành lập huyện", "District founded"),
    "anniversary": ("Kỷ niệm 20 năm", "20th anniversary"),
    "campaign_period": ("Đợt thi đua đến hết ngày", "The campaign runs until"),
    "archive_note": ("Lưu trữ", "Archive"),
    "role": ("Chức vụ, đơn vị", "Position and unit"),
    "plan_field": ("Nội dung thi đua", "Emulation content"),
    "commune_code": ("Mã thống kê", "Statistics code"),
    "empty": ("Chưa có nội dung.", "Nothing here yet."),
    "tag": ("Thẻ", "Tag"),
    "archive": ("Lưu trữ tin", "News archive"),
    "page_n": (" — trang {n}", " — page {n}"),
    "page_of": ("Trang {n}/{count}", "Page {n} of {count}"),
    "previous_page": ("Trang trước", "Previous page"),
    "next_page": ("Trang sau", "Next page"),
    "pagination": ("Phân trang", "Pagination"),
    "older": ("Tin trước", "Older"),
    "newer": ("Tin sau", "Newer"),
    "minutes": ("{n} phút đọc", "{n} min read"),
    "categories": ("Chuyên mục", "Categories"),
    "feeds": ("Theo dõi tin", "Follow the news"),
    "items": ("{n} tin", "{n} items"),
    "all_months": ("Tất cả các tháng", "All months"),
    "close": ("Đóng", "Close"),
    "search": ("Tìm kiếm", "Search"),
    "search_hint": (
        "Gõ có dấu hoặc không dấu đều được: “tam duong” tìm thấy “Tam Đường”.",
        "Type with or without Vietnamese marks: “tam duong” finds “Tam Đường”.",
    ),
    "search_label": ("Từ cần tìm", "Words to find"),
    "search_searching": ("Đang tìm…", "Searching…"),
    "search_found": ("{n} kết quả cho “{q}”", "{n} results for “{q}”"),
    "search_none": ("Không tìm thấy kết quả cho “{q}”", "No results for “{q}”"),
    "search_more": ("Xem thêm kết quả", "More results"),
    "search_no_js": (
        "Tìm kiếm cần JavaScript; trang vẫn xem được qua các mục ở trình đơn.",
        "Search needs JavaScript; every page is also reachable from the menu.",
    ),
    "preview_errors": ("Nội dung đang có lỗi", "The content has errors"),
    "banner": (
        "Nội dung có lỗi; trang đang hiện bản dựng tốt gần nhất. Sửa các lỗi sau rồi lưu tệp:",
        "The content has errors; this is the last good build. Fix these, then save:",
    ),
    "key_figures": ("Số liệu nổi bật", "Key figures"),
    "emblem": ("Biểu trưng 20 năm (2002–2022)", "The 20-year emblem (2002–2022)"),
    "filter_by_field": ("Lọc theo lĩnh vực:", "Filter by field:"),
    "all_fields": ("Tất cả", "All"),
    "by_field": ("Theo lĩnh vực", "By field"),
    "by_commune": ("Theo xã, thị trấn", "By commune"),
    "all_people": ("Tất cả", "Everyone"),
    "agency": ("Cơ quan, đơn vị", "Agency"),
    "task": ("Nhiệm vụ", "Task"),
    "previous_photo": ("Ảnh trước", "Previous photo"),
    "next_photo": ("Ảnh sau", "Next photo"),
    "photo_viewer": ("Xem ảnh", "Photo viewer"),
}


def t(key: str, lang: str, **kwargs: object) -> str:
    """Return interface string `key` in `lang`."""
    vi, en = STRINGS[key]
    text = vi if lang == "vi" else en
    return text.format(**kwargs) if kwargs else text
