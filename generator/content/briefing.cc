// The seven-section rule of 7-minute briefings.
#include "content/briefing.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/text.h"
#include "markdown/document.h"

namespace herald {

std::optional<std::pair<int, std::string>> parse_section_heading(std::string_view heading) {
  heading = trim(heading);
  size_t i = 0;
  int number = 0;
  while (i < heading.size() && heading[i] >= '0' && heading[i] <= '9' && i < 4) {
    number = number * 10 + (heading[i] - '0');
    ++i;
  }
  if (i == 0 || i >= 4) return std::nullopt;
  if (i < heading.size() && (heading[i] == '.' || heading[i] == ':' || heading[i] == ')')) ++i;
  if (i < heading.size() && heading[i] != ' ' && heading[i] != '\t') return std::nullopt;
  std::string title(trim(heading.substr(i)));
  // "1 – Purpose": drop a separating dash.
  for (std::string_view dash : {"- ", "\xE2\x80\x93 ", "\xE2\x80\x94 "})
    if (starts_with(title, dash)) title = std::string(trim(title.substr(dash.size())));
  return std::make_pair(number, title);
}

void read_briefing_sections(Page& page, Diagnostics& diags) {
  const std::string& path = page.source_path;
  std::string lead;
  auto sections = page.doc->sections(2, &lead);
  page.lead_html = std::move(lead);
  std::map<int, int> seen;  // number -> line
  std::vector<BriefingSection> out;
  int previous = 0;
  bool warned_order = false;
  for (const auto& s : sections) {
    SourceLocation where{path, s.heading.line, 1};
    auto parsed = parse_section_heading(s.heading.text);
    if (!parsed) {
      diags.error(where, fmt::format("briefing section '{}' has no number: write it as '## {}. {}'",
                                     s.heading.text, out.size() + 1, s.heading.text));
      continue;
    }
    auto [number, title] = *parsed;
    if (number < 1 || number > 7) {
      diags.error(where, fmt::format("briefing section {} '{}': a 7-minute briefing has exactly "
                                     "seven sections, numbered 1 to 7",
                                     number, title));
      continue;
    }
    if (auto it = seen.find(number); it != seen.end()) {
      diags.error(where, fmt::format("briefing section {} is written twice (first at line {})",
                                     number, it->second));
      continue;
    }
    seen[number] = s.heading.line;
    if (number < previous && !warned_order) {
      diags.warning(where, fmt::format("briefing sections are out of order ({} comes after {}): "
                                       "they are shown in number order",
                                       number, previous));
      warned_order = true;
    }
    previous = std::max(previous, number);
    out.push_back({number, title, fmt::format("section-{}", number), s.html, s.heading.line});
  }
  std::vector<int> missing;
  for (int n = 1; n <= 7; ++n)
    if (!seen.count(n)) missing.push_back(n);
  if (!missing.empty()) {
    std::string list = std::to_string(missing.front());
    for (size_t i = 1; i < missing.size(); ++i)
      list += (i + 1 == missing.size() ? " and " : ", ") + std::to_string(missing[i]);
    // Where the first missing section would go: at the heading of the next
    // section there is, or at the end of the file.
    int line = page.body_line_offset + static_cast<int>(std::count(page.body_markdown.begin(),
                                                                   page.body_markdown.end(), '\n'));
    if (!page.body_markdown.empty() && page.body_markdown.back() != '\n') ++line;
    if (auto next = seen.upper_bound(missing.front()); next != seen.end()) line = next->second;
    diags.error({path, std::max(line, 1), 1},
                fmt::format("briefing has no section{} {}: a 7-minute briefing has seven '##' sections "
                            "numbered 1 to 7",
                            missing.size() > 1 ? "s" : "", list));
  }
  std::sort(out.begin(), out.end(),
            [](const BriefingSection& a, const BriefingSection& b) { return a.number < b.number; });
  page.sections = std::move(out);
  page.reading_minutes =
      static_cast<int>((page.word_count + kWordsPerMinute - 1) / kWordsPerMinute);
  if (page.reading_minutes < 1) page.reading_minutes = 1;
  if (page.word_count > 7 * kWordsPerMinute)
    diags.warning({path, 1, 1},
                  fmt::format("the briefing takes about {} minutes to read ({} words): a 7-minute "
                              "briefing should be at most {} words",
                              page.reading_minutes, page.word_count, 7 * kWordsPerMinute));
}

}  // namespace herald
