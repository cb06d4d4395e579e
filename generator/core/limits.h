// The bounds herald keeps to, whatever the input: each is documented in docs/limits.md.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace herald {

/// The largest Markdown file, herald.yaml or contact directory herald reads
/// (a real annual report is about 140 KB; at 50 MB a page took 87 s).
inline constexpr size_t kMaxSourceBytes = 5 * 1024 * 1024;

/// What to say of a file over kMaxSourceBytes: its size, the limit and
/// `what_to_do`.
std::string too_big_message(size_t bytes, std::string_view what_to_do);

/// Topics one page may have: each makes the page an item of the topic's
/// list and three feeds, each listing the item's topics.
inline constexpr size_t kMaxTopicsPerPage = 20;

/// A page longer than this many words gets no print PDF (about 300 A4
/// pages of text), with a warning.
inline constexpr size_t kMaxPdfWords = 150000;

/// A PDF that still runs past this many pages (long tables, say) stops being
/// drawn: an error at its page.
inline constexpr int kMaxPdfPages = 1000;

/// Seconds the search indexer may take ($HERALD_PAGEFIND_TIMEOUT overrides).
inline constexpr int kPagefindTimeLimit = 600;

}  // namespace herald
