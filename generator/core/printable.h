// Text from content made safe to print on a terminal: control, direction and zero-width characters shown escaped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace herald {

/// Appends the shown form of the character at byte `at` of `text` to `out`
/// and returns how many bytes it took: itself, or an escape for what a
/// terminal would act on or a reader could not see: C0 controls but tab
/// (`\x1b`, `\x00`, a newline as `\x0a`), DEL, C1 controls (`\u009b`),
/// the characters that reorder text (`\u202e`), the invisible characters
/// that show nothing (`\u200b`, `\u00ad`: see core/invisible.h; a
/// non-breaking space shows as a space), and a byte that is not UTF-8
/// (`\xff`).
size_t append_printable(std::string_view text, size_t at, std::string& out, bool keep_newlines = false);

/// `text` with every character as append_printable shows it. With
/// `keep_newlines`, a newline stays one (for formats that encode it).
std::string printable(std::string_view text, bool keep_newlines = false);

}  // namespace herald
