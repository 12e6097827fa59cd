"""Translatable text, the language fallback rule, and the site's interface strings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

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


def format_number(value: float | Decimal, lang: str) -> str:
    """Group thousands and mark decimals per language: 1.234,5 (vi) and 1,234.5 (en).

    A Decimal shows the digits it was written with (3.125 stays 3,125; 92.0 stays 92,0); a
    float at most two decimals.
    """
    if isinstance(value, Decimal):
        text = f"{value:,f}"
    elif value != int(value):
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    else:
        text = f"{int(value):,}"
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
    "illustrative_mark": ("Minh họa", "Illustrative"),  # on each invented figure and card
    "illustrative_note": (
        "Nội dung này được tạo ra để minh họa bố cục trang, không phải tư liệu thật.",
        "This content was made up to show the page layout; it is not a record.",
    ),
    "draft_note": (
        "Bản nháp chỉ hiện khi xem trước; trang công bố không có nó cho đến khi draft là false.",
        "A draft shows only in the preview; the published site leaves it out until its draft "
        "is false.",
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
    "recipients_plan": ("Nơi nhận", "Distribution"),
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
    "commune_name": ("Xã, thị trấn", "Commune or township"),
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
    "skip": ("Bỏ qua, đến nội dung", "Skip to content"),
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
    # what a page is about, for search engines and shared links (<meta name="description">)
    "desc_home": (
        "Trang kỷ niệm {district}, {province}: {tagline}. Thành tựu, gương điển hình, "
        "khen thưởng, tin tức và ảnh tư liệu.",
        "The commemorative site of {district}, {province}: {tagline}. Achievements, "
        "exemplars, commendations, news and photos.",
    ),
    "desc_about": (
        "Giới thiệu {district}, {province}: ngày thành lập, các xã, thị trấn và ghi chú lưu trữ.",
        "About {district}, {province}: its founding, its communes and township, and the "
        "archive note.",
    ),
    "desc_fields": (
        "Thành tựu của {district} theo từng lĩnh vực thi đua, với số liệu và nguồn.",
        "The achievements of {district} in each field of the campaign, with figures and sources.",
    ),
    "desc_timeline": (
        "Các mốc sự kiện của {district} theo năm, lọc được theo lĩnh vực.",
        "Milestones of {district} year by year, with a filter by field.",
    ),
    "desc_people": (
        "Gương người tốt, việc tốt và điển hình tiên tiến của {district}.",
        "Examples of good people and good deeds, and advanced exemplars of {district}.",
    ),
    "desc_honours": (
        "Các quyết định khen thưởng tập thể, cá nhân trong đợt thi đua của {district}.",
        "The commendation decisions for collectives and individuals in the campaign of {district}.",
    ),
    "desc_news": (
        "Tin tức về đợt thi đua và lễ kỷ niệm của {district}.",
        "News of the emulation campaign and the anniversary of {district}.",
    ),
    "desc_news_list": ("{title} — tin tức của {district}.", "{title} — news from {district}."),
    "desc_albums": ("Các album ảnh tư liệu về {district}.", "Photo albums of {district}."),
    "desc_programmes": (
        "Các chương trình phát thanh về đợt thi đua đã lên sóng ở {district}.",
        "The radio programmes on the emulation campaign that went on air in {district}.",
    ),
    "desc_item": ("{title} — {section}, {district}.", "{title} — {section}, {district}."),
    "desc_search": (
        "Tìm trong tin tức, thành tựu, gương điển hình và ảnh của trang {district}.",
        "Search the news, achievements, exemplars and photos of the {district} site.",
    ),
    "preview_errors": ("Nội dung đang có lỗi", "The content has errors"),
    "banner": (
        "Nội dung có lỗi; trang đang hiện bản dựng tốt gần nhất. Sửa các lỗi sau rồi lưu tệp:",
        "The content has errors; this is the last good build. Fix these, then save:",
    ),
    "key_figures": ("Số liệu nổi bật", "Key figures"),
    "year": ("Năm", "Year"),
    "figure": ("Số liệu", "Figure"),
    "change_between": ("Thay đổi {first}–{last}", "Change {first}–{last}"),
    "percentage_points": ("điểm %", "percentage points"),
    "emblem": ("Biểu trưng 20 năm (2002–2022)", "The 20-year emblem (2002–2022)"),
    "emblem_years": ("NĂM", "YEARS"),  # under the "20" of the emblem
    "filter_by_field": ("Lọc theo lĩnh vực:", "Filter by field:"),
    "all_fields": ("Tất cả", "All"),
    "by_field": ("Theo lĩnh vực", "By field"),
    "by_commune": ("Theo xã, thị trấn", "By commune"),
    "all_people": ("Tất cả", "All"),
    "agency": ("Cơ quan, đơn vị", "Agency"),
    "task": ("Nhiệm vụ", "Task"),
    "not_found": ("Không tìm thấy trang", "Page not found"),
    "not_found_text": (
        "Trang bạn tìm không có hoặc đã chuyển đi. Hãy tìm kiếm, hoặc chọn một mục dưới đây.",
        "The page you asked for does not exist or has moved. Search the site, or choose a"
        " section below.",
    ),
    "sections": ("Các mục của trang", "Sections of the site"),
    "previous_photo": ("Ảnh trước", "Previous photo"),
    "next_photo": ("Ảnh sau", "Next photo"),
    "photo_viewer": ("Xem ảnh", "Photo viewer"),
}


def t(key: str, lang: str, **kwargs: object) -> str:
    """Return interface string `key` in `lang`."""
    vi, en = STRINGS[key]
    text = vi if lang == "vi" else en
    return text.format(**kwargs) if kwargs else text
