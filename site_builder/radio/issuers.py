"""Who issues the documents read on air in Lai Châu, as their codes write them.

A document's code ends with its issuer: "345/QĐ-UBND" is a decision of a People's
Committee, "23-NQ/TW" a resolution of the Party's Central Committee. The table below holds
the issuers of the documents a district station in Lai Châu reads; an issuer it does not
know is looked up in content/glossary.yml, so that editors can add one. The general
glossary is not used first: "BTC" in a code is "Bộ Tài chính", in a news item "Ban Tổ chức".
"""

from __future__ import annotations

ISSUERS = {
    # the State: central
    "QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội", "CTN": "Chủ tịch nước",
    "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "VPCP": "Văn phòng Chính phủ",
    "TTCP": "Thanh tra Chính phủ", "KTNN": "Kiểm toán Nhà nước", "NHNN": "Ngân hàng Nhà nước",
    "TANDTC": "Tòa án nhân dân tối cao", "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "UBDT": "Ủy ban Dân tộc", "BTC": "Bộ Tài chính", "BNV": "Bộ Nội vụ", "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo", "BCA": "Bộ Công an", "BQP": "Bộ Quốc phòng",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BLĐTBXH": "Bộ Lao động – Thương binh và Xã hội",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư", "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BXD": "Bộ Xây dựng", "BGTVT": "Bộ Giao thông vận tải", "BCT": "Bộ Công Thương",
    "BTP": "Bộ Tư pháp", "BKHCN": "Bộ Khoa học và Công nghệ", "BNG": "Bộ Ngoại giao",
    "BDTTG": "Bộ Dân tộc và Tôn giáo",
    # the State: province, district, commune
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân",
    "TTHĐND": "Thường trực Hội đồng nhân dân",
    "MTTQ": "Mặt trận Tổ quốc", "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "HĐTĐKT": "Hội đồng Thi đua – Khen thưởng", "BCĐ": "Ban Chỉ đạo", "VP": "Văn phòng",
    "SNV": "Sở Nội vụ", "STC": "Sở Tài chính", "SYT": "Sở Y tế", "STP": "Sở Tư pháp",
    "SGDĐT": "Sở Giáo dục và Đào tạo", "SGD&ĐT": "Sở Giáo dục và Đào tạo",
    "SNN": "Sở Nông nghiệp và Phát triển nông thôn",
    "SNNPTNT": "Sở Nông nghiệp và Phát triển nông thôn",
    "SNN&PTNT": "Sở Nông nghiệp và Phát triển nông thôn",
    "SNNMT": "Sở Nông nghiệp và Môi trường",
    "SVHTTDL": "Sở Văn hóa, Thể thao và Du lịch",
    "SVHTT&DL": "Sở Văn hóa, Thể thao và Du lịch",
    "STTTT": "Sở Thông tin và Truyền thông", "STT&TT": "Sở Thông tin và Truyền thông",
    "SKHĐT": "Sở Kế hoạch và Đầu tư", "SKH&ĐT": "Sở Kế hoạch và Đầu tư",
    "SLĐTBXH": "Sở Lao động – Thương binh và Xã hội",
    "STNMT": "Sở Tài nguyên và Môi trường", "STN&MT": "Sở Tài nguyên và Môi trường",
    "SXD": "Sở Xây dựng", "SGTVT": "Sở Giao thông vận tải", "SCT": "Sở Công Thương",
    "SKHCN": "Sở Khoa học và Công nghệ", "BDT": "Ban Dân tộc", "CAT": "Công an tỉnh",
    "CAH": "Công an huyện", "BCHQS": "Ban Chỉ huy Quân sự", "BĐBP": "Bộ đội Biên phòng",
    "PNV": "Phòng Nội vụ", "PTCKH": "Phòng Tài chính – Kế hoạch",
    "PGDĐT": "Phòng Giáo dục và Đào tạo", "PVHTT": "Phòng Văn hóa và Thông tin",
    "PNNPTNT": "Phòng Nông nghiệp và Phát triển nông thôn",
    "PTNMT": "Phòng Tài nguyên và Môi trường",
    "PLĐTBXH": "Phòng Lao động – Thương binh và Xã hội",
    "PKTHT": "Phòng Kinh tế và Hạ tầng", "PYT": "Phòng Y tế", "PTP": "Phòng Tư pháp",
    "TTVHTTTT": "Trung tâm Văn hóa, Thể thao và Truyền thông",
    "TTVHTT&TT": "Trung tâm Văn hóa, Thể thao và Truyền thông",
    # the Party, where the level stands alone ("23-NQ/TW", "15-CT/TU", "KL/HU")
    "TW": "Trung ương", "TƯ": "Trung ương", "TU": "Tỉnh ủy", "HU": "Huyện ủy",
    "ThU": "Thành ủy", "ĐU": "Đảng ủy", "ĐH": "Đại hội", "BCSĐ": "Ban cán sự đảng",
}  # fmt: skip
# Party bodies, written before their level: "BTGTU" is the provincial Propaganda Board.
PARTY_BODIES = {
    "BCH": "Ban Chấp hành", "BTV": "Ban Thường vụ", "BTG": "Ban Tuyên giáo",
    "BTC": "Ban Tổ chức", "BDV": "Ban Dân vận", "BNC": "Ban Nội chính",
    "BTGDV": "Ban Tuyên giáo và Dân vận", "UBKT": "Ủy ban Kiểm tra", "VP": "Văn phòng",
    "TT": "Thường trực",
}  # fmt: skip
PARTY_LEVELS = {"TW": "Trung ương", "TƯ": "Trung ương", "TU": "Tỉnh ủy", "HU": "Huyện ủy",
                "ThU": "Thành ủy", "ĐU": "Đảng ủy"}  # fmt: skip
# The kinds of document a code begins with; a code that begins with an issuer instead is
# an official letter (công văn): "123/UBND-VP" is the People's Committee's, drafted by its
# office, and is read "của Ủy ban nhân dân".
DOCUMENT_KINDS = {
    "NQ": "nghị quyết", "NĐ": "nghị định", "QĐ": "quyết định", "QĐi": "quy định",
    "QyĐ": "quy định", "CT": "chỉ thị", "KH": "kế hoạch", "TB": "thông báo", "BC": "báo cáo",
    "HD": "hướng dẫn", "KL": "kết luận", "TT": "thông tư", "TTLT": "thông tư liên tịch",
    "NQLT": "nghị quyết liên tịch", "CV": "công văn", "TTr": "tờ trình", "CTr": "chương trình",
    "ĐA": "đề án", "PA": "phương án", "GM": "giấy mời", "GGT": "giấy giới thiệu",
    "CĐ": "công điện", "QC": "quy chế", "QCPH": "quy chế phối hợp", "BB": "biên bản",
    "HĐ": "hợp đồng", "GP": "giấy phép", "L": "lệnh", "SL": "sắc lệnh", "PL": "pháp lệnh",
    "KT": "kết luận thanh tra", "DS": "danh sách",
}  # fmt: skip
