"""The message catalogue: every problem's code, with its message and hint in both languages.

Messages say what was expected and what was found; hints name an action. Arguments are
filled with str.format when a problem is printed, in the reader's language.
"""

from __future__ import annotations

# code -> (vi message, en message, vi hint, en hint). Messages say what was expected and
# what was found; hints name an action. Arguments are filled with str.format.
CATALOGUE: dict[str, tuple[str, str, str, str]] = {
    "yaml-syntax": (
        "cú pháp YAML không hợp lệ: {detail}",
        "invalid YAML syntax: {detail}",
        "kiểm tra thụt lề và dấu ngoặc kép ở dòng này và dòng trên",
        "check the indentation and quotes on this line and the one above",
    ),
    "tab-indent": (
        "có ký tự tab; YAML chỉ chấp nhận dấu cách để thụt lề",
        "found a tab character; YAML indents with spaces only",
        "thay tab bằng 2 dấu cách cho mỗi cấp",
        "replace the tab with 2 spaces per level",
    ),
    "duplicate-key": (
        "khóa '{key}' xuất hiện hai lần (lần đầu ở dòng {first_line})",
        "key '{key}' appears twice (first on line {first_line})",
        "giữ một và xóa dòng còn lại",
        "keep one and delete the other",
    ),
    "forbidden-tag": (
        "thẻ YAML '{tag}' không được phép; nội dung là dữ liệu, không phải mã",
        "YAML tag '{tag}' is not allowed; content is data, not code",
        "bỏ thẻ và viết giá trị bình thường",
        "remove the tag and write the plain value",
    ),
    "too-complex": (
        "tệp có quá nhiều nút sau khi mở rộng bí danh (quá {limit})",
        "the file expands to too many nodes through aliases (over {limit})",
        "viết giá trị trực tiếp thay vì dùng bí danh '*'",
        "write values out instead of using '*' aliases",
    ),
    "too-deep": (
        "dữ liệu lồng nhau quá {limit} cấp",
        "the data nests more than {limit} levels deep",
        "viết phẳng hơn: không trường nào của nội dung lồng sâu như vậy",
        "flatten it: no field of the content nests that deep",
    ),
    "encoding": (
        "tệp không phải UTF-8: byte 0x{byte} không đọc được",
        "the file is not UTF-8: byte 0x{byte} cannot be decoded",
        "mở tệp trong trình soạn thảo và lưu lại với mã hóa UTF-8",
        "open the file in an editor and save it as UTF-8",
    ),
    "file-too-large": (
        "tệp nặng {size} byte, quá giới hạn 1 MB cho một tệp nội dung; tệp không được đọc",
        "the file is {size} bytes, over the 1 MB limit for a content file; it was not read",
        "chia nội dung thành nhiều tệp; ảnh đặt trong content/images/",
        "split the content into several files; put images in content/images/",
    ),
    "utf16": (
        "tệp được lưu dạng UTF-16, không phải UTF-8",
        "the file is saved as UTF-16, not UTF-8",
        "mở tệp trong Notepad, chọn Lưu thành… và chọn mã hóa UTF-8",
        "open it in Notepad, choose Save As… and pick the UTF-8 encoding",
    ),
    "legacy-encoding": (
        "văn bản có vẻ gõ bằng bảng mã cũ {encoding}, không phải Unicode: '{found}'",
        "the text looks typed in the old {encoding} encoding, not Unicode: '{found}'",
        "chuyển sang Unicode bằng Unikey (Công cụ → Chuyển mã, nguồn {encoding}, đích Unicode) "
        "rồi dán lại",
        "convert it to Unicode with Unikey's converter (source {encoding}, target Unicode), "
        "then paste it again",
    ),
    "invisible-characters": (
        "đã xóa ký tự ẩn ({chars}) khỏi tiêu đề hoặc tên",
        "invisible characters ({chars}) were removed from a title or name",
        "xóa chúng trong tệp để cảnh báo này không còn (thường do dán từ Word hoặc PDF)",
        "delete them in the file to silence this warning (they come from pasting from Word or PDF)",
    ),
    "control-characters": (
        "văn bản có ký tự điều khiển hoặc ký tự không hợp lệ ({chars}); trang, bản tin RSS "
        "và tệp Word không chứa được chúng",
        "the text holds control or invalid characters ({chars}); no page, feed or Word file "
        "can carry them",
        "xóa các ký tự đó (thường do dán từ Word hoặc PDF); trong dấu ngoặc kép, đừng viết "
        "\\0, \\v hay \\x..",
        "delete them (they come from pasting from Word or PDF); inside double quotes, do not "
        "write \\0, \\v or \\x..",
    ),
    "outside-content": (
        "đây là liên kết (symlink) trỏ ra ngoài thư mục content/; không đọc gì qua nó",
        "this is a link (symlink) to a place outside content/; nothing was read through it",
        "chép tệp hoặc thư mục vào content/ thay vì liên kết tới nó",
        "copy the file or folder into content/ instead of linking to it",
    ),
    "empty-file": (
        "tệp rỗng; cần các trường: {fields}",
        "the file is empty; expected the fields: {fields}",
        "tạo tệp mới bằng lệnh 'site-builder new' để có mẫu",
        "create a file with 'site-builder new' to get a template",
    ),
    "wrong-type": (
        "cần {expected}, nhưng gặp {found}",
        "expected {expected}, found {found}",
        "{example}",
        "{example}",
    ),
    "unknown-field": (
        "trường không xác định '{field}'",
        "unknown field '{field}'",
        "có phải ý bạn là '{suggestion}'?",
        "did you mean '{suggestion}'?",
    ),
    "unknown-field-list": (
        "trường không xác định '{field}'",
        "unknown field '{field}'",
        "các trường hợp lệ: {valid}",
        "valid fields: {valid}",
    ),
    "missing-field": (
        "thiếu trường bắt buộc '{field}'",
        "missing required field '{field}'",
        "thêm '{field}:' vào tệp; xem hướng dẫn biên tập",
        "add '{field}:' to the file; see the editors' guide",
    ),
    "empty-field": (
        "trường bắt buộc '{field}' đang để trống",
        "required field '{field}' is empty",
        "điền giá trị sau '{field}:'",
        "write a value after '{field}:'",
    ),
    "missing-vi": (
        "thiếu bản tiếng Việt 'vi'",
        "the Vietnamese text 'vi' is missing",
        "viết dạng {{vi: ..., en: ...}}; 'en' có thể bỏ trống",
        "write {{vi: ..., en: ...}}; 'en' is optional",
    ),
    "bad-number": (
        "cần một số, nhưng gặp '{found}'",
        "expected a number, found '{found}'",
        "viết số không có dấu phân cách hàng nghìn, dùng dấu chấm cho phần thập phân: 1234.5",
        "write the number without thousands separators, with a dot for decimals: 1234.5",
    ),
    "bad-integer": (
        "cần một số nguyên, nhưng gặp '{found}'",
        "expected a whole number, found '{found}'",
        "{example}",
        "{example}",
    ),
    "fractional-count": (
        "đơn vị '{unit}' là số đếm nên cần số nguyên, nhưng gặp {found}",
        "unit '{unit}' counts things, so a whole number is expected, found {found}",
        "nếu ý là {thousands}, viết {thousands} (không có dấu chấm phân cách hàng nghìn)",
        "if you meant {thousands}, write {thousands} (no dot as a thousands separator)",
    ),
    "plan-too-deep": (
        "kế hoạch có tối đa {depth} cấp mục (I. → 1. → a), nhưng mục cấp {depth} này còn có "
        "mục con",
        "the plan has at most {depth} levels of sections (I. → 1. → a), but this level-{depth} "
        "section has sections of its own",
        "viết các ý của cấp sâu hơn thành đoạn văn ('paragraphs') của mục cấp {depth}",
        "write the deeper level's points as paragraphs of the level-{depth} section",
    ),
    "cms-missing-setting": (
        "trình biên tập trên web với '{backend}' cần '{field}', nhưng chưa có",
        "the web editor on '{backend}' needs '{field}', which is not given",
        "{why}",
        "{why}",
    ),
    "cms-editing-branch": (
        "với Gitea, trình biên tập lưu vào nhánh biên tập, nhưng nhánh đó là nhánh công bố "
        "'{branch}'",
        "on Gitea the web editor saves to its editing branch, but that is the published "
        "branch '{branch}'",
        "đặt editing_branch là một nhánh khác, ví dụ bien-tap, và gộp vào '{branch}' sau khi "
        "kiểm tra tự động đạt",
        "set editing_branch to another branch, e.g. bien-tap, merged into '{branch}' once the "
        "automatic check passes",
    ),
    "bad-date": (
        "cần một ngày, nhưng gặp '{found}'",
        "expected a date, found '{found}'",
        "viết 2022-09-21 hoặc 21/9/2022",
        "write 2022-09-21 or 21/9/2022",
    ),
    "bad-time": (
        "cần giờ dạng HH:MM, nhưng gặp '{found}'",
        "expected a time as HH:MM, found '{found}'",
        "ví dụ 19:30",
        "for example 19:30",
    ),
    "bad-bool": (
        "cần true hoặc false, nhưng gặp '{found}'",
        "expected true or false, found '{found}'",
        "viết true (có) hoặc false (không)",
        "write true (yes) or false (no)",
    ),
    "bad-choice": (
        "giá trị '{found}' không hợp lệ",
        "'{found}' is not a valid value",
        "chọn một trong: {valid}",
        "choose one of: {valid}",
    ),
    "bad-url": (
        "cần một địa chỉ web https:// hoặc http:// có tên máy chủ, nhưng gặp '{found}': {why}",
        "expected a web address with https:// or http:// and a host name, found '{found}': {why}",
        "viết địa chỉ đầy đủ, không có dấu nháy, dấu < >, dấu cách hay ký tự điều khiển, "
        "ví dụ https://tamduong.example/",
        "write the whole address, without quotes, angle brackets, spaces or control characters, "
        "for example https://tamduong.example/",
    ),
    "bad-id": (
        "tên tệp '{found}' không dùng được làm mã",
        "file name '{found}' cannot be used as an id",
        "chỉ dùng chữ thường không dấu, số và dấu gạch nối, ví dụ '{suggestion}'",
        "use lowercase ASCII letters, digits and single hyphens, e.g. '{suggestion}'",
    ),
    "bad-alias": (
        "'{found}' không dùng được làm địa chỉ cũ",
        "'{found}' cannot be used as an old address",
        "viết mã cũ (ví dụ le-ky-niem) hoặc đường dẫn cũ (ví dụ /tin-tuc/le-ky-niem/)",
        "write the old id (e.g. le-ky-niem) or the old path (e.g. /tin-tuc/le-ky-niem/)",
    ),
    "alias-taken": (
        "địa chỉ cũ '{found}' trùng với trang '{other}'",
        "old address '{found}' is also the address of '{other}'",
        "bỏ địa chỉ cũ này: hai trang không thể cùng một địa chỉ",
        "remove this alias: two pages cannot share one address",
    ),
    "bad-field-id": (
        "'{found}' không phải một trong sáu lĩnh vực của kế hoạch",
        "'{found}' is not one of the plan's six fields",
        "các lĩnh vực: {valid}",
        "the fields: {valid}",
    ),
    "duplicate-id": (
        "mã '{id}' đã được dùng bởi {other}",
        "id '{id}' is already used by {other}",
        "đổi tên một trong hai tệp",
        "rename one of the two files",
    ),
    "reserved-name": (
        "'{found}' là tên Windows dành cho thiết bị (CON, PRN, AUX, NUL, COM0–9, LPT0–9): "
        "trên Windows không tạo được tệp hay thư mục tên này, nên không tải kho về được",
        "'{found}' is a name Windows keeps for devices (CON, PRN, AUX, NUL, COM0–9, LPT0–9): "
        "no file or folder can have it there, so the repository would not check out",
        "đặt tên khác, ví dụ '{suggestion}'",
        "choose another name, e.g. '{suggestion}'",
    ),
    "long-id": (
        "mã '{found}' dài {length} ký tự, quá giới hạn {limit}: đường dẫn dài như vậy "
        "không dùng được trên Windows",
        "id '{found}' is {length} characters long, over the limit of {limit}: paths that long "
        "fail on Windows",
        "đặt tên tệp ngắn hơn, ví dụ '{suggestion}'",
        "give the file a shorter name, e.g. '{suggestion}'",
    ),
    "duplicate-guid": (
        "mã tin trong nguồn cấp '{found}' đã được dùng bởi {other}; trình đọc tin sẽ chỉ hiện "
        "một trong hai tin",
        "feed id '{found}' is already used by {other}; feed readers would show only one of the "
        "two items",
        "giữ guid ở tin đăng trước; ở tin kia xóa dòng guid (tin sẽ có mã mới theo tên tệp), "
        "thường do sao chép một tệp tin cũ",
        "keep the guid in the item published first; delete the guid line from the other (it "
        "then gets one from its file name): this comes from copying an older item's file",
    ),
    "dangling-ref": (
        "không có {kind} nào có mã '{id}'",
        "there is no {kind} with id '{id}'",
        "mã là tên tệp trong {folder}{suggestion}",
        "an id is a file name in {folder}{suggestion}",
    ),
    "draft-ref": (
        "{kind} '{id}' là bản nháp ({other}), nên không có trên trang công bố",
        "{kind} '{id}' is a draft ({other}), so it is not on the published site",
        "bỏ '{id}' khỏi tệp này, hoặc hoàn thành {other} rồi đổi draft thành false; "
        "hoặc đặt draft: true cho cả tệp này",
        "remove '{id}' from this file, or finish {other} and set its draft to false; or "
        "make this file a draft too",
    ),
    "missing-file": (
        "không có tệp '{found}'",
        "there is no file '{found}'",
        "{suggestion}",
        "{suggestion}",
    ),
    "unsafe-path": (
        "đường dẫn '{found}' đi ra ngoài thư mục content/images/",
        "path '{found}' leads outside content/images/",
        "viết đường dẫn tương đối bên trong content/images/, ví dụ 'tin-tuc/anh-1.jpg'",
        "write a path relative to content/images/, e.g. 'tin-tuc/anh-1.jpg'",
    ),
    "empty-image-path": (
        "có ảnh không có đường dẫn: trong ngoặc tròn của ![mô tả]() không có gì",
        "an image has no path: nothing is written in the parentheses of ![description]()",
        "viết đường dẫn tính từ content/images/ trong ngoặc tròn, ví dụ "
        "![Đồi chè](tin-tuc/anh-1.jpg)",
        "write its path from content/images/ in the parentheses, e.g. "
        "![Tea hills](tin-tuc/anh-1.jpg)",
    ),
    "missing-alt": (
        "ảnh '{found}' chưa có mô tả (alt)",
        "image '{found}' has no description (alt)",
        "viết mô tả trong ngoặc vuông: ![Đồi chè Tam Đường]({found})",
        "write the description in the brackets: ![Tea hills]({found})",
    ),
    "empty-image": (
        "tệp ảnh '{found}' rỗng (0 byte)",
        "image file '{found}' is empty (0 bytes)",
        "chép lại ảnh gốc vào content/images/",
        "copy the original picture into content/images/ again",
    ),
    "not-an-image": (
        "tệp '{found}' không phải là ảnh",
        "file '{found}' is not an image",
        "dùng ảnh JPEG, PNG, WebP, TIFF hoặc GIF",
        "use a JPEG, PNG, WebP, TIFF or GIF picture",
    ),
    "image-too-large": (
        "ảnh '{found}' có {pixels} điểm ảnh, quá giới hạn {limit}",
        "image '{found}' has {pixels} pixels, over the limit of {limit}",
        "thu nhỏ ảnh xuống khoảng 4000 điểm ảnh chiều dài rồi lưu lại",
        "resize it to about 4000 pixels on its long side and save it again",
    ),
    "large-photo": (
        "ảnh gốc '{found}' nặng {mb} MB, cạnh dài {side} điểm ảnh; kho nội dung giữ nó mãi mãi",
        "original '{found}' is {mb} MB, {side} pixels on its long side; the repository keeps it "
        "forever",
        "thu nhỏ còn khoảng 4000 điểm ảnh cạnh dài và dưới 8 MB (xem hướng dẫn: ảnh), "
        "hoặc dùng Git LFS",
        "resize it to about 4000 pixels on its long side and under 8 MB (see the guide), or use "
        "Git LFS",
    ),
    "bad-image": (
        "tệp '{found}' không phải ảnh đọc được ({detail})",
        "file '{found}' is not a readable image ({detail})",
        "mở ảnh bằng trình xem ảnh và lưu lại dạng JPEG hoặc PNG",
        "open it in an image viewer and save it again as JPEG or PNG",
    ),
    "bad-image-format": (
        "ảnh '{found}' có định dạng {format}, không được chấp nhận",
        "image '{found}' is in {format} format, which is not accepted",
        "lưu lại dạng JPEG, PNG, WebP hoặc TIFF",
        "save it as JPEG, PNG, WebP or TIFF",
    ),
    "personal-data": (
        "có {what} ('{found}'); dữ liệu cá nhân không được công bố",
        "holds {what} ('{found}'); personal data is not published",
        "xóa đi; nếu đây là số của cơ quan được phép công bố, thêm "
        "allow_contact_details: [{field}] vào tệp",
        "remove it; if it is an office's public contact, add allow_contact_details: [{field}]",
    ),
    "bad-commune": (
        "không có xã, thị trấn nào tên '{found}'",
        "there is no commune named '{found}'",
        "dùng một tên trong content/site.yml: {valid}",
        "use a name from content/site.yml: {valid}",
    ),
    "tag-without-english": (
        "thẻ '{found}' chưa có tên tiếng Anh; trang tiếng Anh sẽ hiện thẻ bằng tiếng Việt",
        "tag '{found}' has no English name; the English page shows it in Vietnamese",
        "thêm vào mục tags: của content/glossary.yml một dòng  {found}: <tên tiếng Anh>",
        "add a line  {found}: <English name>  under tags: in content/glossary.yml",
    ),
    "not-published": (
        "'{name}' chưa đồng ý công bố (consent: false) nên không xuất hiện trên trang",
        "'{name}' has not consented (consent: false), so is not published",
        "khi có sự đồng ý bằng văn bản, đặt consent: true",
        "once written consent is given, set consent: true",
    ),
    "radio-no-consent": (
        "'{name}' chưa đồng ý công bố (consent: false) nên không được đưa lên sóng",
        "'{name}' has not consented (consent: false), so cannot go on air",
        "bỏ mục này, hoặc đặt consent: true khi đã có sự đồng ý bằng văn bản",
        "remove this segment, or set consent: true once written consent is given",
    ),
    "unknown-abbreviation": (
        "chữ viết tắt '{found}' chưa có trong bảng đọc, sẽ để nguyên khi đọc",
        "abbreviation '{found}' is not in the reading glossary; it is left as written",
        "thêm cách đọc vào content/glossary.yml, ví dụ  - {{term: {found}, spoken: <cách đọc>}}",
        "add its spoken form to content/glossary.yml, e.g.  "
        "- {{term: {found}, spoken: <spoken form>}}",
    ),
    "radio-over": (
        "chương trình dài {total} giây, quá thời lượng dự kiến {target} giây",
        "the programme runs {total} s, over its planned {target} s",
        "rút bớt nội dung hoặc tăng duration_minutes",
        "cut some content or raise duration_minutes",
    ),
    "radio-under": (
        "chương trình chỉ dài {total} giây, ngắn hơn 80% thời lượng dự kiến {target} giây",
        "the programme runs only {total} s, under 80% of its planned {target} s",
        "thêm nội dung hoặc giảm duration_minutes",
        "add content or lower duration_minutes",
    ),
    "radio-no-approver": (
        "chương trình chưa có người duyệt (approver)",
        "the programme has no approver",
        "ghi tên người duyệt vào approver khi lãnh đạo đã duyệt kịch bản; chương trình còn "
        "đang soạn thì đặt draft: true",
        "write the approver's name in approver once the script is approved; while it is being "
        "written, set draft: true",
    ),
    "radio-web-wording": (
        "lời chỉ hợp với trang web, người nghe đài không làm theo được: '{found}'{source}",
        "wording that needs a web page, which a listener cannot follow: '{found}'{source}",
        "viết lại cho người nghe; câu cần giữ trên trang thì bọc trong <!-- web --> … "
        "<!-- /web --> (trang vẫn hiện, kịch bản bỏ qua), hoặc ghi lời đọc riêng ở spoken",
        "reword it for listeners; to keep it on the page, wrap it in <!-- web --> … "
        "<!-- /web --> (the page shows it, the script leaves it out), or write the segment's "
        "own words in spoken",
    ),
    "radio-url": (
        "địa chỉ web '{found}'{source} sẽ bị đọc từng chữ trên sóng",
        "the address '{found}'{source} would be spelt out on air",
        "bỏ địa chỉ khỏi lời đọc, hoặc nói bằng lời (ví dụ: trên trang thông tin điện tử của "
        "huyện); trên trang thì bọc trong <!-- web --> … <!-- /web -->",
        "leave it out of what is read, or say it in words (e.g. on the district's website); "
        "on a page, wrap it in <!-- web --> … <!-- /web -->",
    ),
    "radio-footnote": (
        "dấu chú thích '{found}'{source} không đọc được trên sóng",
        "the footnote mark '{found}'{source} cannot be read on air",
        "bỏ dấu chú thích; nếu cần, nói nguồn bằng lời (theo báo cáo …)",
        "remove the mark; if the source matters, say it in words (according to the report …)",
    ),
    "radio-emoji": (
        "biểu tượng '{found}'{source} không đọc được trên sóng",
        "the symbol '{found}'{source} cannot be read on air",
        "bỏ biểu tượng hoặc nói bằng lời",
        "remove it or say it in words",
    ),
    "radio-markdown": (
        "định dạng Markdown '{found}' trong lời đọc: người nghe không nghe thấy, kịch bản in "
        "chữ thường",
        "Markdown '{found}' in text to be read: listeners cannot hear it, the script prints "
        "plain words",
        "bỏ ký hiệu (**, #, [chữ](địa chỉ), `…`); muốn nhấn mạnh thì nói bằng lời",
        "remove the marks (**, #, [words](address), `…`); to stress something, say it in words",
    ),
    "radio-web-marker": (
        "<!-- web --> chưa có <!-- /web --> đóng lại{source}: phần sau nó không được đọc",
        "<!-- web --> is never closed by <!-- /web -->{source}: nothing after it is read",
        "thêm <!-- /web --> ở cuối phần chỉ dành cho trang web",
        "add <!-- /web --> where the part meant only for the page ends",
    ),
    "template-error": (
        "lỗi trong mẫu trang: {detail}",
        "error in a page template: {detail}",
        "sửa mẫu trong thư mục templates/ hoặc khôi phục bản trước",
        "fix the template in templates/ or restore the previous version",
    ),
    "strict-warnings": (
        "MkDocs có cảnh báo (in ở trên) nên --strict dừng việc dựng trang: {detail}",
        "MkDocs printed warnings (above), so --strict stopped the build: {detail}",
        "sửa nguyên nhân của cảnh báo, hoặc dựng không có --strict",
        "fix what the warnings name, or build without --strict",
    ),
    "file-system": (
        "không đọc hoặc ghi được ở đây: {reason}",
        "could not read or write here: {reason}",
        "kiểm tra thư mục này có tồn tại, ghi được và ổ đĩa còn chỗ trống, rồi dựng lại; "
        "nội dung không có lỗi",
        "check that this folder exists, can be written and the disk has free space, then "
        "build again; the content is not at fault",
    ),
    "not-content-file": (
        "trình biên tập trên web chỉ ghi và xóa tệp nội dung; '{found}' không phải tệp nội dung",
        "the web editor writes and deletes content files only; '{found}' is not one",
        "tệp YAML trong thư mục của loại nội dung (content/people/<mã>.yml, "
        "content/news/<năm>/<mã>.yml…), content/site.yml, content/plan.yml, "
        "content/glossary.yml, hoặc ảnh JPEG, PNG, WebP, TIFF, GIF trong content/images/",
        "a YAML file in its kind's folder (content/people/<id>.yml, "
        "content/news/<year>/<id>.yml…), content/site.yml, content/plan.yml, "
        "content/glossary.yml, or a JPEG, PNG, WebP, TIFF or GIF picture in content/images/",
    ),
    "delete-kept": (
        "'{found}' là tệp trang không thể thiếu nên không xóa được",
        "'{found}' is a file the site cannot do without, so it cannot be deleted",
        "sửa nội dung của tệp thay vì xóa",
        "edit its content instead",
    ),
    "delete-referenced": (
        "không xóa '{found}' vì nội dung khác còn dùng nó",
        "'{found}' was not deleted: other content still uses it",
        "bỏ các chỗ dùng nó (các dòng dưới) rồi xóa lại",
        "remove the uses listed below, then delete it again",
    ),
    "publish-placeholder": (
        "'{found}' là địa chỉ mẫu ('{host}' là tên dành cho ví dụ hoặc cho máy này), không phải "
        "địa chỉ thật; trang đăng công khai không dùng được địa chỉ này",
        "'{found}' is a placeholder address ('{host}' is a name kept for examples or for this "
        "machine), not a real one; a published site cannot use it",
        "trước khi đăng, ghi địa chỉ thật của trang (base_url, ví dụ https://ten-mien/ hoặc "
        "https://ten-mien/tam-duong/) và hộp thư liên hệ thật (contact) trong content/site.yml; "
        "xem mục 'Đăng trang' của hướng dẫn",
        "before publishing, write the site's real address (base_url, e.g. https://domain/ or "
        "https://domain/tam-duong/) and a real contact mailbox (contact) in content/site.yml; "
        "see 'Publishing the site' in the guide",
    ),
    "publish-no-guid": (
        "tin chưa có guid (mã tin trong nguồn cấp RSS/Atom); mã sẽ được tạo từ địa chỉ trang và "
        "đổi khi địa chỉ đổi, nên trình đọc tin sẽ báo lại tin này như tin mới",
        "the news item has no guid (its RSS/Atom feed id); one made from the site's address "
        "changes with the address, and feed readers would announce the item again as new",
        'thêm một dòng guid không bao giờ sửa, ví dụ guid: "urn:uuid:…" (site-builder new '
        "tự viết dòng này); tin đã đăng thì giữ mã nó đã có: chép mã <guid> của tin trong "
        "nguồn cấp đã đăng (tin-tuc/rss.xml) trước khi đổi địa chỉ trang",
        'add a guid line that is never edited, e.g. guid: "urn:uuid:…" (site-builder new '
        "writes one); an item already published keeps the id it had: copy its <guid> from the "
        "published feed (tin-tuc/rss.xml) before changing the site's address",
    ),
    "publish-illustrative": (
        "nội dung minh họa (illustrative: true) không được đăng như tư liệu thật",
        "illustrative content (illustrative: true) cannot be published as if it were a record",
        "thay bằng nội dung có nguồn rồi đổi thành illustrative: false, hoặc xóa tệp; nếu đây "
        "là trang trình diễn, ghi demonstration: true trong content/site.yml",
        "replace it with sourced content and set illustrative: false, or delete the file; for "
        "a demonstration site, write demonstration: true in content/site.yml",
    ),
    "internal-error": (
        "lỗi nội bộ khi xử lý tệp này: {detail}",
        "internal error while processing this file: {detail}",
        "đây là lỗi của công cụ, không phải của nội dung; hãy gửi báo cáo kèm tệp này",
        "this is a bug in the tool, not in the content; please report it with this file",
    ),
}
