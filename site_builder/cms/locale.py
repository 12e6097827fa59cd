"""Vietnamese for the phrases Decap CMS's own Vietnamese locale lacks.

Decap fills a missing phrase from English, so its Vietnamese interface showed "Add thẻ",
"Copy Name", "Collapse" (decap-cms 3.16.3: 77 of 248 phrases missing). These are merged
over Decap's Vietnamese in the page (`init.js`), before Decap starts; a browser test reads
the merged locale back and looks for English left in it.
"""

from __future__ import annotations

import json
from typing import Any

VI: dict[str, Any] = {
    "auth": {
        "loginWithAzure": "Đăng nhập bằng Azure",
        "loginWithForgejo": "Đăng nhập bằng Forgejo",
    },
    "collection": {
        "collectionTop": {
            "viewAs": "Xem dạng",
            "viewAsList": "Xem dạng danh sách",
            "viewAsGrid": "Xem dạng lưới",
            "groupBy": "Nhóm theo",
        },
        "entries": {"unpublishedHeader": "Mục chưa công bố"},
        "groups": {"other": "Khác", "negateLabel": "Không %{label}"},
    },
    "editor": {
        "editorControl": {"field": {"widgetLabel": "Trường %{widgetLabel}"}},
        "editorControlPane": {
            "i18n": {
                "writingInLocale": "Đang viết bằng %{locale}",
                "copyFromLocale": "Điền từ ngôn ngữ khác",
                "copyFromLocaleConfirm": "Điền nội dung từ ngôn ngữ %{locale}?\n"
                "Mọi nội dung hiện có sẽ bị ghi đè.",
            },
        },
        "editorInterface": {
            "toggleI18n": "Bật/tắt đa ngôn ngữ",
            "togglePreview": "Bật/tắt xem trước",
            "toggleScrollSync": "Cuộn cùng nhau",
            "toggleNotes": "Bật/tắt ghi chú",
        },
        "editorNotesPane": {
            "title": "Ghi chú",
            "emptyState": "Chưa có ghi chú. Thêm ghi chú đầu tiên ở dưới để cùng trao đổi.",
            "addNote": "Thêm ghi chú",
            "addPlaceholder": "Thêm một ghi chú...",
            "editPlaceholder": "Sửa ghi chú...",
            "save": "Lưu",
            "cancel": "Hủy",
            "edit": "Sửa",
            "delete": "Xóa",
            "resolve": "Đã xong",
            "unresolve": "Mở lại",
            "confirmDelete": "Bạn có chắc muốn xóa ghi chú này?",
            "shortcut": "Mẹo: nhấn Ctrl+Enter để thêm ghi chú nhanh",
        },
        "editorToolbar": {
            "statusInfoTooltipDraft": "Mục đang là bản nháp. Để hoàn tất và gửi duyệt, "
            "chuyển trạng thái sang 'Đang duyệt'",
            "statusInfoTooltipInReview": "Mục đang được duyệt, không cần làm gì thêm. "
            "Bạn vẫn có thể sửa tiếp trong khi chờ duyệt.",
        },
        "editorWidgets": {
            "markdown": {
                "bold": "In đậm",
                "italic": "In nghiêng",
                "strikethrough": "Gạch ngang",
                "code": "Mã",
                "link": "Liên kết",
                "linkPrompt": "Nhập địa chỉ của liên kết",
                "headings": "Tiêu đề mục",
                "quote": "Trích dẫn",
                "bulletedList": "Danh sách gạch đầu dòng",
                "numberedList": "Danh sách đánh số",
                "addComponent": "Thêm thành phần",
                "toggleMode": {
                    "rich": "Chuyển sang chế độ soạn thảo trực quan",
                    "markdown": "Chuyển sang chế độ Markdown",
                },
            },
            "image": {
                "chooseMultiple": "Chọn các hình",
                "chooseUrl": "Chèn từ địa chỉ web",
                "replaceUrl": "Thay bằng địa chỉ web",
                "promptUrl": "Nhập địa chỉ web của hình",
                "addMore": "Thêm hình",
                "removeAll": "Bỏ tất cả hình",
            },
            "file": {
                "chooseUrl": "Chèn từ địa chỉ web",
                "chooseMultiple": "Chọn các tập tin",
                "replaceUrl": "Thay bằng địa chỉ web",
                "promptUrl": "Nhập địa chỉ web của tập tin",
                "addMore": "Thêm tập tin",
                "removeAll": "Bỏ tất cả tập tin",
            },
            "datetime": {"setToNow": "Đặt %{fieldLabel} là bây giờ"},
            "list": {"add": "Thêm %{item}", "addType": "Thêm %{item}"},
            "object": {"expand": "Mở rộng", "collapse": "Thu gọn"},
        },
    },
    "mediaLibrary": {
        "mediaLibraryCard": {
            "copy": "Sao chép",
            "copyUrl": "Sao chép địa chỉ",
            "copyPath": "Sao chép đường dẫn",
            "copyName": "Sao chép tên",
            "copied": "Đã sao chép",
        },
        "mediaLibraryModal": {"close": "Đóng"},
    },
    "ui": {
        "settingsDropdown": {"account": "Tùy chọn tài khoản"},
        "toast": {
            "noteAdded": "Đã thêm ghi chú",
            "onFailToAddNote": "Không thêm được ghi chú: %{details}",
            "noteUpdated": "Đã sửa ghi chú",
            "onFailToUpdateNote": "Không sửa được ghi chú: %{details}",
            "noteDeleted": "Đã xóa ghi chú",
            "onFailToDeleteNote": "Không xóa được ghi chú: %{details}",
            "noteResolved": "Ghi chú đã xong",
            "noteReopened": "Đã mở lại ghi chú",
            "onFailToToggleNote": "Không đổi được trạng thái ghi chú: %{details}",
        },
    },
}

# Merged over Decap's own Vietnamese (nested objects, leaf by leaf), before `CMS.init`.
_MERGE = """(function () {
  var merge = function (into, from) {
    Object.keys(from).forEach(function (key) {
      var value = from[key];
      if (value && typeof value === "object") {
        into[key] = merge(Object.assign({}, into[key] || {}), value);
      } else {
        into[key] = value;
      }
    });
    return into;
  };
  CMS.registerLocale("vi", merge(Object.assign({}, CMS.getLocale("vi") || {}), %s));
})();
"""


def script() -> str:
    """JavaScript that completes Decap's Vietnamese with `VI`."""
    return _MERGE % json.dumps(VI, ensure_ascii=False, indent=1)
