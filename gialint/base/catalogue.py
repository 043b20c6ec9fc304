"""Every line gialint prints outside its findings, in Chinese and English: one catalogue.

Each message is a :class:`~gialint.base.diagnostic.Text` named by its id; fill it in with
:func:`gialint.base.messages.say`. Placeholders are ``str.format`` fields, the same in both
languages; the English writes a word that agrees with a count as ``{n|finding|findings}``.
To add a message, add it here (both languages) and use it as ``msg.NAME``;
tests/base/test_catalogue.py checks that every message has both, with the same placeholders,
and that every message is used. The terms of the report format keep their Chinese label in
brackets in English where a reader needs it to find the place in the report.
"""

from __future__ import annotations

from gialint.base.diagnostic import Severity, Text

# ------------------------------------------------------------------ words used in several places
SEVERITY = {
    Severity.ERROR: Text("错误", "error"),
    Severity.WARNING: Text("警告", "warning"),
    Severity.INFO: Text("提示", "info"),
}
DID_YOU_MEAN = Text("；是否要写 {close}？", "; did you mean {close}?")
FILE_SAYS = Text("{file}：{error}", "{file}: {error}")
FILE_UNREADABLE = Text("{file}：无法读取：{error}", "{file}: cannot be read: {error}")
FILE_UNWRITABLE = Text("{file}：无法写入：{error}", "{file}: cannot write: {error}")
NO_REPORT_FILES = Text("{paths} 下没有报告文件（{extensions}）", "no report files ({extensions}) under {paths}")
OUTPUT_IS_INPUT = Text("{file}：输出文件是要检查的文件之一", "{file}: the output file is one of the files checked")
INTERNAL_ERROR = Text("内部错误（{error}）；请报告此问题", "internal error ({error}); please report it")
CACHE_UNUSABLE = Text(
    "结果缓存无法使用（{error}）；不使用缓存继续", "the result cache cannot be used ({error}); going on without it"
)

WRITE_HARD_LINKS = Text(
    "文件还有其他硬链接，替换它会断开这些链接", "the file has other hard links, which replacing it would break"
)
WRITE_READ_ONLY = Text("文件是只读的", "the file is read-only")
WRITE_OWNER = Text("无法保留文件的所有者", "the file's owner could not be kept")

# ------------------------------------------------------------------ reading a file (gialint/read)
READ_NO_SUCH_FILE = Text("文件不存在", "no such file")
READ_PERMISSION = Text("没有读取权限", "permission denied")
READ_OS_ERROR = Text("无法读取：{error}", "cannot be read: {error}")
READ_IS_DIRECTORY = Text("是一个目录", "is a directory")
READ_NOT_A_FILE = Text(
    "不是普通文件（FIFO、设备或套接字）；要检查数据流，请用管道传给 `gialint check -`",
    "not a regular file (a FIFO, device or socket); to check a stream, pipe it to `gialint check -`",
)
READ_TOO_LARGE = Text(
    "文件大小为 {size:.1f} MiB；gialint 读取的 {kind} 文件最大 {limit:g} MiB",
    "the file is {size:.1f} MiB; gialint reads {kind} files up to {limit:g} MiB",
)
READ_LARGER_THAN = Text(
    "文件大于 {largest:g} MiB，超出 gialint 读取的上限",
    "the file is larger than {largest:g} MiB, the most gialint reads",
)
READ_INPUT_LARGER_THAN = Text(
    "输入大于 {largest:g} MiB，超出 gialint 读取的上限",
    "the input is larger than {largest:g} MiB, the most gialint reads",
)
READ_STDIN_CLOSED = Text("标准输入已关闭", "standard input is closed")
READ_STDIN_FAILED = Text("无法读取标准输入：{error}", "cannot read standard input: {error}")
READ_TOO_DEEP = Text("文件嵌套过深，无法读取", "the file is nested too deeply to read")
READ_CONVERT = Text(
    "gialint 读取 .docx：请在 Word 或 WPS 中打开并另存为 .docx（文件 → 另存为 → Word 文档 .docx），"
    "或运行 `libreoffice --headless --convert-to docx FILE`",
    "gialint reads .docx: open it in Word or WPS and save it as .docx (文件 → 另存为 → Word 文档 .docx), "
    "or run `libreoffice --headless --convert-to docx FILE`",
)
READ_LEGACY = Text("这是{what}；{advice}", "this is {what}; {advice}")
KIND_DOC = Text("旧版 Word .doc 文件", "a legacy Word .doc file")
KIND_WPS = Text("旧版 WPS .wps 文件", "a legacy WPS .wps file")
KIND_RTF = Text("RTF 文件", "an RTF file")
READ_NOT_DOCUMENT = Text(
    "这是{what}，不是报告文档；gialint 读取 {readable}",
    "this is {what}, not a report document; gialint reads {readable}",
)
KIND_SPREADSHEET = Text("Excel 电子表格", "an Excel spreadsheet")
KIND_WPS_SPREADSHEET = Text("WPS 电子表格", "a WPS spreadsheet")
KIND_OFD = Text("OFD 文档（请导出为 PDF，再检查 PDF）", "an OFD document (export it as PDF, then check the PDF)")
KIND_SLIDES = Text("演示文稿", "a slide deck")
KIND_SCAN = Text("图片（扫描的报告须先做文字识别 OCR）", "an image (a scanned report needs OCR first)")
KIND_IMAGE = Text("图片", "an image")
TEXT_IS_PDF = Text(
    "这是 PDF 文件，不是文本：请使用 .pdf 扩展名", "this is a PDF file, not text: give it the .pdf extension"
)
TEXT_IS_ZIP = Text(
    "这是 ZIP 压缩包（.docx？），不是文本：Word 文档请使用 .docx 扩展名",
    "this is a ZIP archive (a .docx?), not text: give a Word document the .docx extension",
)
TEXT_IS_OFFICE = Text(
    "这是旧版 Office 文档（.doc、.wps 或 .xls），不是文本：请另存为 .docx",
    "this is a legacy Office document (.doc, .wps or .xls), not text: save it as .docx",
)
TEXT_IS_RTF = Text("这是 RTF 文档，不是文本：请另存为 .docx", "this is an RTF document, not text: save it as .docx")
TEXT_IS_IMAGE = Text("这是 {image} 图片，不是文本报告", "this is a {image} image, not a text report")
TEXT_EMPTY = Text("文件是空的", "the file is empty")
TEXT_UTF16_ODD = Text(
    "文件的字节数是奇数，不是完整的 UTF-16：似乎被截断了",
    "the file has an odd number of bytes for UTF-16: it looks truncated",
)
TEXT_BAD_BOM = Text(
    "文件以 {encoding} 字节顺序标记开头，却不是有效的 {encoding}",
    "the file starts with a {encoding} byte-order mark but is not valid {encoding}",
)
TEXT_UTF8_CUT = Text(
    "文件在一个 UTF-8 字符中间结束：似乎被截断了",
    "the file ends in the middle of a UTF-8 character: it looks truncated",
)
TEXT_NOT_TEXT = Text(
    "不是文本文件，或不是 gialint 能读取的文本编码（UTF-8、GB18030/GBK、UTF-16）",
    "not a text file, or not in a text encoding gialint reads (UTF-8, GB18030/GBK, UTF-16)",
)
DOCX_IS_OLE = Text(
    "此 .docx 实为旧版 .doc 或设有密码的文档：请在 Word 或 WPS 中另存为不设密码的 .docx",
    "this .docx is really a legacy .doc, or a password-protected document: "
    "save it in Word or WPS as .docx without a password",
)
DOCX_NOT_ZIP = Text(
    "不是 .docx 文件：不是 ZIP 压缩包，或压缩包不完整（把 .doc 或文本文件改名为 .docx 了？）",
    "not a .docx file: not a ZIP archive, or a truncated one (a .doc or a text file renamed to .docx?)",
)
DOCX_PARTS = Text(
    "此 .docx 有 {count} 个部件；gialint 最多读取 {most} 个", "the .docx has {count} parts; gialint reads up to {most}"
)
DOCX_ENCRYPTED = Text("此 .docx 已加密：请另存为不设密码的文件", "the .docx is encrypted: save it without a password")
DOCX_BOMB = Text(
    "此 .docx 的部件 {name} 由 {packed} 字节解压为 {size} MiB：拒绝读取压缩炸弹",
    "the .docx member {name} inflates {size} MiB from {packed} bytes: refusing a zip bomb",
)
DOCX_UNPACKS = Text(
    "此 .docx 解压后为 {size} MiB；gialint 最多读取 {most} MiB",
    "the .docx unpacks to {size} MiB; gialint reads up to {most} MiB",
)
DOCX_NO_DOCUMENT = Text(
    "是 ZIP 压缩包，但不是 Word 文档（没有 word/document.xml）",
    "a ZIP archive, but not a Word document (no word/document.xml)",
)
DOCX_PART_DAMAGED = Text("此 .docx 的部件 {name} 已损坏：{error}", "the .docx part {name} is damaged: {error}")
DOCX_DOCTYPE = Text(
    "此 .docx 的部件 {name} 声明了 DOCTYPE（Word 从不写入）：拒绝读取",
    "the .docx part {name} declares a DOCTYPE, which Word never writes: refusing it",
)
DOCX_UNREADABLE = Text("无法读取的 .docx：{error}", "not a readable .docx: {error}")
DOCX_NO_BODY = Text("无法读取的 .docx：文档没有正文", "not a readable .docx: the document has no body")
DOCX_TABLE_CELLS = Text(
    "此 .docx 的第 {number} 个表格超过 {most} 个单元格", "table {number} of the .docx spans more than {most} cells"
)
HTML_TABLE_CELLS = Text(
    "第 {line} 行的表格超过 {most} 个单元格", "the table at line {line} spans more than {most} cells"
)
HTML_UNREADABLE = Text("无法读取的 HTML 网页：{error}", "not a readable HTML page: {error}")
HTML_NO_REPORT = Text(
    "此网页中没有政府信息公开工作年度报告：找不到格式中的任何章节标题或统计表",
    "no annual report on government information disclosure (政府信息公开工作年度报告) in this page: "
    "none of the format's section headings or statistics tables",
)
PDF_PASSWORD = Text(
    "此 PDF 设有密码保护：请先另存一份不加密的副本",
    "the PDF is protected by a password: save an unprotected copy first",
)
PDF_UNREADABLE = Text("无法读取的 PDF（{detail}）", "not a readable PDF ({detail})")
PDF_TRUNCATED = Text(
    "此 PDF 不以 %%EOF 结尾：似乎被截断了（下载或复制不完整？）",
    "the PDF does not end with %%EOF: it looks truncated (an incomplete download or copy?)",
)
PDF_PAGES = Text(
    "此 PDF 有 {count} 页；gialint 最多读取 {most} 页", "the PDF has {count} pages; gialint reads up to {most}"
)
PDF_NO_TEXT = Text(
    "此 PDF 没有文字层（扫描件？）：请先做文字识别（如 `ocrmypdf -l chi_sim in.pdf out.pdf`），并核对识别出的数字",
    "the PDF has no text layer (a scanned document?): run OCR on it first "
    "(e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`) and check the recognised numbers",
)
PDF_NO_UNICODE = Text(
    "此 PDF 的字体没有 Unicode 映射，文字会读成 (cid:NN) 代码：请从原文档重新导出 PDF，或做文字识别",
    "the PDF's fonts have no Unicode mapping, so its text comes out as (cid:NN) codes: "
    "export the PDF again from the original document, or OCR it",
)
PDF_STREAM_BOMB = Text(
    "此 PDF 的一个数据流解压后超过 {most} MiB（压缩炸弹？）；gialint 最多读取这么多",
    "a stream of the PDF inflates to more than {most} MiB (a compression bomb?); gialint reads up to that much",
)
PDF_STREAMS_TOTAL = Text(
    "此 PDF 的数据流解压后共超过 {most} MiB；gialint 最多读取这么多",
    "the PDF's streams inflate to more than {most} MiB; gialint reads up to that much",
)
TIME_UP = Text(
    "检查到{where}时已用完 {seconds:g} 秒，放弃：此文件检查耗时过长（max-seconds 限制）",
    "gave up after {seconds:g} s at {where}: the file takes too long to check (the max-seconds limit)",
)
AT_PAGE = Text("第 {n} 页", "page {n}")
AT_PARAGRAPH = Text("第 {n} 段", "paragraph {n}")
AT_TABLE = Text("第 {n} 个表格", "table {n}")
AT_TABLE_ROW = Text("第 {n} 个表格第 {row} 行", "table {n}, row {row}")
AT_LINE = Text("第 {n} 行", "line {n}")
AT_STREAM = Text("一个压缩数据流", "a compressed stream")
AT_RULE = Text("规则 {code}", "rule {code}")
AT_PLACING = Text("定位问题", "placing findings")
AT_MATCHING = Text("匹配表 {table}", "matching table {table}")
ADDITIONS_TOO_LARGE = Text(
    "{file}：大于 1024 KiB，不像内容补充文件", "{file}: larger than 1024 KiB, more than any additions file"
)
ADDITIONS_NOT_TOML = Text("{file}：不是 UTF-8 的 TOML 文件：{error}", "{file}: not a UTF-8 TOML file: {error}")
CONTENT_FILE = Text("内容补充文件：{error}", "the content additions file: {error}")
FIX_ROUND_TRIP = Text(
    "无法修复：文件不能按 {encoding} 逐字节写回",
    "cannot fix: the file would not be written back byte for byte in {encoding}",
)

# ------------------------------------------------------------------ configuration (gialint/config, selection)
CONFIG_UNKNOWN_KEY = Text(
    "{file}：{where}未知的键 {key!r}（已知的键：{known}）", "{file}: {where}unknown key {key!r} (known keys: {known})"
)
CONFIG_KEY = Text("{file}：键 {key!r}：{error}", "{file}: key {key!r}: {error}")
CONFIG_TOP_LEVEL = Text("（顶层）", "(top level)")
CONFIG_MUST_BE_TYPE = Text("类型须为 {value}", "must be of type {value}")
CONFIG_MUST_BE_ONE_OF = Text("须为以下之一：{value}", "must be one of {value}")
CONFIG_AT_LEAST = Text("须不小于 {value}", "must be at least {value}")
CONFIG_AT_MOST = Text("须不大于 {value}", "must be at most {value}")
CONFIG_MORE_THAN = Text("须大于 {value}", "must be more than {value}")
CONFIG_NOT_SELECTOR = Text("{value!r} 不是规则代码、前缀或名称", "{value!r} is not a rule code, prefix or name")
CONFIG_KEYS_SELECTORS = Text("其键须为规则代码、前缀或名称", "its keys must be rule codes, prefixes or names")
CONFIG_TOO_LARGE = Text(
    "{file}：大于 {kib} KiB，不像配置文件", "{file}: larger than {kib} KiB, more than any configuration"
)
CONFIG_NOT_TOML = Text("{file}：不是有效的 TOML：{error}", "{file}: not valid TOML: {error}")
CONFIG_TOO_DEEP = Text("{file}：嵌套过深，不像配置文件", "{file}: nested too deeply to be a configuration")
CONFIG_TOOL_NOT_TABLE = Text("{file}：[tool.gialint] 必须是表", "{file}: [tool.gialint] must be a table")
CONFIG_NOT_UTF8 = Text(
    "{file}：不是 UTF-8 文本文件（TOML 文件须为 UTF-8）：{error}",
    "{file}: not a text file in UTF-8 (TOML files are UTF-8): {error}",
)
CONFIG_EXTEND_CYCLE = Text("{file}：`extend` 形成循环：{chain}", "{file}: `extend` makes a cycle: {chain}")
CONFIG_EXTEND_DEEP = Text(
    "{file}：`extend` 经过的文件超过 {most} 个", "{file}: `extend` goes through more than {most} files"
)
CONFIG_NO_TABLE = Text("{file}：没有 [tool.gialint] 表", "{file}: has no [tool.gialint] table")
CONFIG_EXTEND_MISSING = Text("{file}：键 'extend'：文件 {target} 不存在", "{file}: key 'extend': no such file {target}")
CONFIG_EXTEND_IN_CODE = Text(
    "{file}：键 'extend'：只有配置文件才能扩展另一个配置文件",
    "{file}: key 'extend': only configuration files can extend another",
)
SELECTION_NO_RULE = Text("{entry!r} 不匹配任何规则{hint}", "{entry!r} matches no rule{hint}")
SELECTION_SEE_RULES = Text("（见 `gialint rules`）", " (see `gialint rules`)")

# ------------------------------------------------------------------ rules, plugins (gialint/lint)
PLUGIN_SOURCE_TREE = Text(
    "gialint 从源码目录（{where}）导入，但没有从那里安装：请在那里运行 `pip install -e .`，或在别的目录运行 gialint",
    "gialint is imported from the source tree ({where}) but is not installed from it: "
    "run `pip install -e .` there, or run gialint from another directory",
)
PLUGIN_LOAD = Text(
    "无法从入口点 {name!r}（{value}）加载规则：{error}",
    "cannot load rules from entry point {name!r} ({value}): {error}",
)
PLUGIN_DEFINITION = Text("入口点 {name!r}（{value}）：{error}", "entry point {name!r} ({value}): {error}")
PLUGIN_CODE_TWICE = Text(
    "规则代码 {code} 定义了两次：{first} 和 {second}", "rule code {code} is defined twice: {first} and {second}"
)
PLUGIN_NAME_TWICE = Text(
    "规则名称 {name!r} 同时被 {first} 和 {second} 使用", "rule name {name!r} is used by {first} and {second}"
)

# ------------------------------------------------------------------ many files, cache, baseline (gialint/run)
WORKER_DIED = Text(
    "读取此文件的进程意外终止；文件可能已损坏或带有恶意",
    "the process reading this file stopped abruptly; the file may be damaged or hostile",
)
CACHE_OWNED = Text("属于另一个用户", "is owned by another user")
CACHE_WRITABLE = Text(
    "其他用户可以写入（请设为私有：chmod go-w）", "can be written by other users (make it private: chmod go-w)"
)
CACHE_REPLACE = Text("{file}：无法替换损坏的缓存：{error}", "{file}: cannot replace a damaged cache: {error}")
CACHE_STOPPED = Text(
    "结果缓存中途停止工作（{error}）；结果未缓存", "the result cache stopped working ({error}); results were not cached"
)
BASELINE_MISSING = Text(
    "{file}：基线文件不存在（用 --update-baseline 创建）",
    "{file}: no such baseline file (create it with --update-baseline)",
)
BASELINE_TOO_LARGE = Text("{file}：大于 {mib} MiB", "{file}: larger than {mib} MiB")
BASELINE_INVALID = Text("{file}：不是 gialint 基线文件：{error}", "{file}: not a gialint baseline: {error}")
BASELINE_VERSION = Text(
    "{file}：不是 gialint 基线文件（第 {version} 版）", "{file}: not a gialint baseline (version {version})"
)
BASELINE_TOO_DEEP = Text("嵌套过深", "nested too deeply")
BASELINE_NO_FINDINGS = Text("没有问题列表", "no list of findings")
BASELINE_NOT_OBJECT = Text("有一条记录不是对象", "a finding that is not an object")
BASELINE_NO_PATH = Text("有一条记录没有路径和规则代码", "a finding without its path and code")
BASELINE_BAD_PLACE = Text(
    "有一条 {code} 记录的位置不是名称列表", "a finding of {code} whose place is not a list of names"
)
BASELINE_BAD_COUNT = Text("有一条 {code} 记录的次数不是整数", "a finding of {code} whose count is not a whole number")
BASELINE_UNWRITABLE = Text("{file}：无法写入基线：{error}", "{file}: cannot write the baseline: {error}")
BASELINE_WROTE = Text(
    "已将 {count} 个问题写入基线 {file}", "wrote {count} {count|finding|findings} to the baseline {file}"
)
BASELINE_HIDDEN = Text(
    "基线 {file} 中记录的 {count} 个问题未显示",
    "{count} {count|finding|findings} recorded in the baseline {file} {count|is|are} not shown",
)

# ------------------------------------------------------------------ the command line (gialint/cli)
CLI_NO_PATHS = Text(
    "请给出报告文件或目录，或用 -（配合 --stdin-filename）读取标准输入",
    "give report files or directories, or - (with --stdin-filename) to read stdin",
)
CLI_STDIN_WITH_PATHS = Text(
    "-（标准输入）不能与其他路径同时使用", "- (standard input) cannot be combined with other paths"
)
CLI_FIX_STDIN = Text(
    "--fix 不能修改标准输入；请用 --diff 查看修复", "--fix cannot change standard input; use --diff to see the fixes"
)
CLI_NO_PREVIOUS = Text("--previous {file}：文件不存在", "--previous {file}: no such file")
CLI_UPDATE_NEEDS_BASELINE = Text("--update-baseline 需要 --baseline FILE", "--update-baseline needs --baseline FILE")
CLI_UNSAFE_ALONE = Text("--unsafe-fixes 须与 --fix 或 --diff 同用", "--unsafe-fixes applies with --fix or --diff")
CLI_STATISTICS_FORMAT = Text(
    "--statistics 输出表格（或配合 --format json 输出 JSON），不能用于 {format}",
    "--statistics prints a table (or JSON with --format json), not {format}",
)
CLI_NEEDS_OUTPUT_FILE = Text("{what} 输出到文件：请用 -o FILE 指定", "{what} writes a file: name it with -o FILE")
CLI_STDOUT_CLOSED = Text(
    "标准输出已关闭；请用 -o 指定输出文件", "standard output is closed; name an output file with -o"
)
CLI_CANNOT_WRITE_OUTPUT = Text("{where}无法写入输出：{error}", "{where}cannot write the output: {error}")
CLI_NO_RULE = Text("没有规则 {rule}{hint}", "no rule {rule}{hint}")
CLI_RULES_LISTED = Text("；`gialint rules` 列出所有规则", "; `gialint rules` lists them")
CLI_MARKDOWN_IS_SCHEMA = Text(
    "--format markdown 用于 --schema（设置以 toml 或 json 输出）",
    "--format markdown is for --schema (the settings print as toml or json)",
)
FIX_NOT_WRITTEN = Text(
    "{path}：修复只写入文本和 Markdown 报告（--fix 时也写入 .docx 的副本）；按原样检查",
    "{path}: fixes are made in text and Markdown reports (and .docx, as a copy, with --fix); checked as it is",
)
FIX_CANNOT_WRITE = Text("无法写入修复后的文件：{error}", "cannot write the fixed file: {error}")
FIX_WROTE_COPY = Text(
    "{path}：已写入修正后的副本 {copy}；原文件未改动",
    "{path}: wrote the corrected copy {copy}; the original is unchanged",
)
FIXED = Text(
    "已修复 {files} 个文件中的 {fixed} 个问题，尚余 {remaining} 个",
    "fixed {fixed} {fixed|finding|findings} in {files} {files|file|files} ({fixed} fixed, {remaining} remaining)",
)
SKIPPED_UNREADABLE = Text(
    "跳过 {count} 个无法检查的文件（.doc、.wps 请另存为 .docx；.xls、.ofd、图片等不是报告文档）：{names}",
    "skipped {count} {count|file|files} gialint cannot check "
    "(save .doc and .wps as .docx; .xls, .ofd, images are not report documents): {names}",
)
SKIPPED_SPECIAL = Text(
    "跳过 {count} 个不是普通文件的文件（FIFO、设备等）：{names}",
    "skipped {count} {count|file that is not a regular file|files that are not regular files} (FIFOs, devices): {names}",
)
SKIPPED_NOT_REPORTS = Text(
    "跳过 {count} 个不像年度报告的 .md/.txt 文件（{names}）；在命令行中写出文件名即可检查",
    "skipped {count} .md/.txt {count|file that does not look like a report|files that do not look like reports} "
    "({names}); name a file to check it",
)
STATISTICS_FIXABLE = Text("可修复 {count}", "fixable {count}")
STATISTICS_TOTAL = Text(
    "共 {total} 个问题，{errors} 个文件无法读取",
    "Total: {total} {total|finding|findings}, {errors} unreadable {errors|file|files}",
)
NEEDS_LIBRARY = Text("{format} 输出需要 {library}：{install}", "{format} output needs {library}: {install}")
EXTRACT_NEEDS_FORMAT = Text("请用 --format {formats} 指定输出格式", "choose the output format with --format {formats}")
EXTRACT_OUTPUT_IS_INPUT = Text("{file}：输出文件是要读取的文件之一", "{file}: the output file is one of the files read")
EXTRACT_WROTE = Text(
    "已将 {reports} 份报告的 {cells} 个数值单元格写入 {file}",
    "wrote {cells} value {cells|cell|cells} of {reports} {reports|report|reports} to {file}",
)
EXTRACT_ERRORS = Text(
    "；{errors} 个文件无法读取（见 {where}）", "; {errors} {errors|file|files} could not be read ({where})"
)
EXTRACT_ERRORS_SHEET = Text("工作表 errors", "sheet errors")

CLI_VERSION = Text("gialint {version}（{build}）", "gialint {version} ({build})")
CLI_BUILD = {
    "compiled": Text("已用 mypyc 编译", "compiled with mypyc"),
    "pure": Text("纯 Python", "pure Python"),
    "partly": Text("部分编译：{total} 个模块中的 {count} 个", "partly compiled: {count} of {total} modules"),
}
CLI_POSITIVE = Text("需要 1 或更大的整数，实为 {text!r}", "expected a whole number of 1 or more, got {text!r}")

# ------------------------------------------------------------------ options (gialint/cli/arguments.py)
#: What ``--help`` says of each command and option, by command and option.
OPTION_HELP = {
    "gialint": Text(
        "检查政府信息公开工作年度报告。",
        "Lint government information disclosure annual reports (政府信息公开工作年度报告).",
    ),
    "--version": Text("显示版本（编译版或纯 Python 版）并退出", "show the version, compiled or pure Python, and exit"),
    "--lang": Text("消息的语言（默认：zh，或配置中的 `lang`）", "language of messages (default: zh, or `lang`)"),
    "--config": Text("对每份报告都使用此配置文件", "use this configuration file for every report"),
    "--isolated": Text("忽略配置文件", "ignore configuration files"),
    "check": Text("检查报告文件或目录", "check report files or directories"),
    "check PATH": Text(
        "报告文件、要在其中查找 {extensions} 文件的目录，或 -（标准输入）",
        "report files, directories to search for {extensions} files, or - for standard input",
    ),
    "check --stdin-filename": Text(
        "从标准输入读取报告；NAME（如 report.docx）决定读取方式，并显示在输出中",
        "read the report from standard input; NAME (e.g. report.docx) chooses the reader and is shown in output",
    ),
    "--previous": Text(
        "同一机关上一年度的报告：逐份与之对照检查（GIA601–GIA604）；不给出时，一次运行会自行将同一机关相邻年度的报告配对",
        "last year's report of the same agency: check each report against it (GIA601-GIA604); "
        "without it, a run pairs the reports of one agency for consecutive years by itself",
    ),
    "check --format": Text(
        "输出格式（默认：full；GITHUB_ACTIONS=true 时为 github）；csv 和 xlsx：评分表，每份报告一行、每条规则一行（xlsx 需要 -o FILE）",
        "output format (default: full; github when GITHUB_ACTIONS=true); csv and xlsx: the scorecard, "
        "a row per report and a row per rule (xlsx needs -o FILE)",
    ),
    "check --output-file": Text("将输出写入 FILE，而不是标准输出", "write the output to FILE instead of stdout"),
    "check --quiet": Text("只输出问题：不输出汇总和提示", "print findings only: no summary or notes"),
    "--statistics": Text("输出每条规则的问题数，而不是问题本身", "print counts per rule instead of the findings"),
    "--show-source": Text(
        "配合 --format concise：在每个问题下显示所在的原文行",
        "with --format concise: show the source line under each finding",
    ),
    "--color": Text("总是彩色输出", "always colour the output"),
    "--no-color": Text("从不彩色输出", "never colour the output"),
    "--select": Text(
        "要运行的规则，代替配置中的 `select`：代码、前缀或名称，以逗号分隔",
        "rules to run, in place of `select`: codes, prefixes or names, comma-separated",
    ),
    "--extend-select": Text(
        "另外要运行的规则：代码、前缀或名称，以逗号分隔",
        "rules to run as well: codes, prefixes or names, comma-separated",
    ),
    "--ignore": Text(
        "不运行的规则：代码、前缀或名称，以逗号分隔", "rules not to run: codes, prefixes or names, comma-separated"
    ),
    "--force-exclude": Text(
        "对命令行上直接给出的文件也应用 `exclude`", "apply `exclude` to files named on the command line too"
    ),
    "--fail-on": Text(
        "使退出码为 1 的最低严重级别（默认：error）", "lowest severity that makes the exit code 1 (default: error)"
    ),
    "--exit-zero": Text("即使发现问题也以 0 退出", "exit with 0 even when there are findings"),
    "--fix": Text(
        "应用安全的修复（文本和 Markdown 原地修改；.docx 写入 NAME.fixed.docx）",
        "apply safe fixes (text and Markdown in place; .docx into NAME.fixed.docx)",
    ),
    "--diff": Text("以 unified diff 格式显示修复，不做任何修改", "print the fixes as a unified diff; change nothing"),
    "--unsafe-fixes": Text("配合 --fix/--diff：也应用不安全的修复", "with --fix/--diff: apply unsafe fixes too"),
    "--baseline": Text("不显示此基线文件中记录的问题", "do not show the findings recorded in this baseline file"),
    "--update-baseline": Text("将当前的问题写入 --baseline 文件", "write the current findings to the --baseline file"),
    "--jobs": Text(
        "处理多个文件时的工作进程数（默认：可用的 CPU 核数；1：全部在本进程中处理）",
        "worker processes for many files (default: the cores available; 1: all in this process)",
    ),
    "--no-cache": Text("不读取也不写入结果缓存", "do not read or write the result cache"),
    "--cache-dir": Text(
        "将结果缓存保存在 DIR（默认：$GIALINT_CACHE_DIR，否则 ~/.cache/gialint）",
        "keep the result cache in DIR (default: $GIALINT_CACHE_DIR, else ~/.cache/gialint)",
    ),
    "extract": Text(
        "将报告的每个数值单元格写成数据文件的行", "write every value cell of the reports as rows of a data file"
    ),
    "extract PATH": Text(
        "报告文件，或要在其中查找 {extensions} 文件的目录",
        "report files, or directories to search for {extensions} files",
    ),
    "extract --format": Text(
        "输出格式（默认：由 -o 文件的扩展名决定）；csv、jsonl 和 parquet 将无法读取的文件写在旁边，"
        "如 FILE.errors.csv …；xlsx 写入工作表 errors",
        "the output's format (default: from the -o file's extension); csv, jsonl and parquet write the "
        "files that could not be read beside it, as FILE.errors.csv …; xlsx as the sheet errors",
    ),
    "extract --output-file": Text("要写入的文件（必填）", "the file to write (required)"),
    "extract --quiet": Text("不显示进度条和汇总", "no progress bar, no summary"),
    "parse": Text("以 JSON 输出报告的结构和统计数据", "print a report's structure and statistics as JSON"),
    "parse FILE": Text("报告文件，或 -（标准输入）", "report files, or - for standard input"),
    "parse --stdin-filename": Text(
        "配合 -：由其扩展名决定读取方式的文件名（如 report.docx）",
        "with -: the name whose extension chooses the reader (report.docx)",
    ),
    "parse --format": Text(
        "json：结构和统计数据；text：gialint 检查的文本（从 .html/.docx/.pdf 中提取）",
        "json: structure and statistics; text: the text gialint lints (extracted from .html/.docx/.pdf)",
    ),
    "rules": Text("列出规则", "list the rules"),
    "rules --format": Text("输出格式（默认：table）", "output format (default: table)"),
    "rule": Text(
        "解释一条规则：作用、意义、示例和修复方法", "explain one rule: what it does, why, an example, its fix"
    ),
    "rule CODE": Text("规则的代码或名称（如 GIA303、balance）", "a rule's code or name (GIA303, balance)"),
    "config": Text("显示适用于某一路径的设置", "show the settings that apply to a path"),
    "config PATH": Text("报告文件或目录（默认：.）", "a report file or directory (default: .)"),
    "config --format": Text("markdown：配合 --schema，输出配置参考", "markdown: with --schema, the reference"),
    "--schema": Text("改为输出配置的 JSON Schema", "print the JSON Schema of the configuration instead"),
}
#: The titles of the groups of options in ``gialint check --help``.
OPTION_GROUPS = {
    "output": Text("输出", "output"),
    "rule selection": Text("规则选择", "rule selection"),
    "exit status": Text("退出状态", "exit status"),
    "fixes": Text("修复", "fixes"),
    "baseline": Text("基线", "baseline"),
    "speed": Text("速度", "speed"),
}
#: argparse's own lines (usage, titles, errors) in Chinese, by their gettext id in argparse.py:
#: :func:`gialint.cli.arguments.speaking` hands them to argparse. ``ngettext`` ids by their singular.
ARGPARSE = {
    "usage: ": Text("用法：", "usage: "),
    "positional arguments": Text("位置参数", "positional arguments"),
    "options": Text("选项", "options"),
    "subcommands": Text("子命令", "subcommands"),
    "%(heading)s:": Text("%(heading)s：", "%(heading)s:"),
    " (default: %(default)s)": Text("（默认：%(default)s）", " (default: %(default)s)"),
    "show this help message and exit": Text("显示此帮助信息并退出", "show this help message and exit"),
    "show program's version number and exit": Text("显示程序版本号并退出", "show program's version number and exit"),
    "%(prog)s: error: %(message)s\n": Text("%(prog)s：错误：%(message)s\n", "%(prog)s: error: %(message)s\n"),
    "%(prog)s: warning: %(message)s\n": Text("%(prog)s：警告：%(message)s\n", "%(prog)s: warning: %(message)s\n"),
    "argument %(argument_name)s: %(message)s": Text(
        "参数 %(argument_name)s：%(message)s", "argument %(argument_name)s: %(message)s"
    ),
    "unrecognized arguments: %s": Text("无法识别的参数：%s", "unrecognized arguments: %s"),
    "the following arguments are required: %s": Text(
        "缺少以下必需的参数：%s", "the following arguments are required: %s"
    ),
    "one of the arguments %s is required": Text("需要参数 %s 之一", "one of the arguments %s is required"),
    "not allowed with argument %s": Text("不能与参数 %s 同用", "not allowed with argument %s"),
    "invalid choice: %(value)r (choose from %(choices)s)": Text(
        "无效的选择：%(value)r（可选：%(choices)s）", "invalid choice: %(value)r (choose from %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": Text("无效的 %(type)s 值：%(value)r", "invalid %(type)s value: %(value)r"),
    "ambiguous option: %(option)s could match %(matches)s": Text(
        "选项有歧义：%(option)s 可以是 %(matches)s", "ambiguous option: %(option)s could match %(matches)s"
    ),
    "expected one argument": Text("需要一个值", "expected one argument"),
    "expected at most one argument": Text("最多需要一个值", "expected at most one argument"),
    "expected at least one argument": Text("至少需要一个值", "expected at least one argument"),
    "expected %s argument": Text("需要 %s 个值", "expected %s argument"),
    "ignored explicit argument %r": Text("忽略了显式给出的值 %r", "ignored explicit argument %r"),
    "unexpected option string: %s": Text("意外的选项：%s", "unexpected option string: %s"),
    "unknown parser %(parser_name)r (choices: %(choices)s)": Text(
        "未知的命令 %(parser_name)r（可选：%(choices)s）", "unknown parser %(parser_name)r (choices: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": Text(
        "无法打开 '%(filename)s'：%(error)s", "can't open '%(filename)s': %(error)s"
    ),
    "argument '%(argument_name)s' is deprecated": Text(
        "参数 '%(argument_name)s' 已弃用", "argument '%(argument_name)s' is deprecated"
    ),
    "option '%(option)s' is deprecated": Text("选项 '%(option)s' 已弃用", "option '%(option)s' is deprecated"),
    "command '%(parser_name)s' is deprecated": Text(
        "命令 '%(parser_name)s' 已弃用", "command '%(parser_name)s' is deprecated"
    ),
    # what argparse raises to the programmer who declares a parser wrongly
    "%r is not callable": Text("%r 不可调用", "%r is not callable"),
    "'required' is an invalid argument for positionals": Text(
        "位置参数不能用 'required'", "'required' is an invalid argument for positionals"
    ),
    ".__call__() not defined": Text("未定义 .__call__()", ".__call__() not defined"),
    'argument "-" with mode %r': Text('模式为 %r 的参数 "-"', 'argument "-" with mode %r'),
    "cannot have multiple subparser arguments": Text("不能有多组子命令", "cannot have multiple subparser arguments"),
    "cannot merge actions - two groups are named %r": Text(
        "无法合并选项：两个组都名为 %r", "cannot merge actions - two groups are named %r"
    ),
    "conflicting option string: %s": Text("选项冲突：%s", "conflicting option string: %s"),
    "conflicting subparser: %s": Text("命令冲突：%s", "conflicting subparser: %s"),
    "conflicting subparser alias: %s": Text("命令别名冲突：%s", "conflicting subparser alias: %s"),
    "dest= is required for options like %r": Text("%r 这样的选项需要 dest=", "dest= is required for options like %r"),
    "invalid conflict_resolution value: %r": Text(
        "无效的 conflict_resolution 值：%r", "invalid conflict_resolution value: %r"
    ),
    "invalid option string %(option)r: must start with a character %(prefix_chars)r": Text(
        "无效的选项 %(option)r：必须以字符 %(prefix_chars)r 开头",
        "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    ),
    "mutually exclusive arguments must be optional": Text(
        "互斥的参数必须是选项", "mutually exclusive arguments must be optional"
    ),
}

# ------------------------------------------------------------------ output (gialint/report)
RULES_HEADERS = (Text("代码", "Code"), Text("名称", "Name"), Text("级别", "Severity"), Text("说明", "Summary"))
RUN_HEADERS = (
    Text("规则", "Rule"),
    Text("名称", "Name"),
    Text("级别", "Severity"),
    Text("问题数", "Findings"),
    Text("涉及文件", "Files"),
)
RELATED_MORE = Text("… 另有 {more} 处", "… and {more} more")
SUMMARY_FOUND = Text(
    "共检查 {files} 个文件，发现 {total} 个问题（错误 {errors}，警告 {warnings}，提示 {infos}）。",
    "Found {total} {total|problem|problems} ({errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, "
    "{infos} info) in {files} {files|file|files}.",
)
SUMMARY_FIXABLE = Text("其中 {count} 个可用 --fix 自动修复。", " {count} fixable with --fix.")
SUMMARY_UNREADABLE = Text("{count} 个文件无法读取。", " {count} {count|file|files} could not be read.")
GITHUB_TOTALS = Text(
    "共检查 {files} 个文件，发现 {total} 个问题（错误 {errors}，警告 {warnings}，提示 {infos}），{unreadable} 个文件无法读取。",
    "{files} {files|file|files} checked: {total} {total|finding|findings} ({errors} {errors|error|errors}, "
    "{warnings} {warnings|warning|warnings}, {infos} info), {unreadable} unreadable.",
)
JUNIT_FAILURE = Text("{count} 个问题：{codes}", "{count} {count|finding|findings}: {codes}")
GITHUB_RULE_HEADERS = (Text("规则", "Rule"), Text("名称", "Name"), Text("问题数", "Findings"))
GITHUB_FILE_HEADERS = (Text("文件", "File"), Text("问题数", "Findings"))
GITHUB_ERROR_HEADERS = (Text("无法读取的文件", "Unreadable file"), Text("原因", "Why"))
