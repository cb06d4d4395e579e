// A scan of each file for weekdays written with dates, and a warning for each that is the wrong day.
#include "markdown/weekday_check.h"

#include <fmt/format.h>

#include "core/datetime.h"
#include "core/text.h"

namespace herald {
namespace {

constexpr const char* kWeekdays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Reads one word of letters at `at`.
std::string_view word_at(std::string_view text, size_t at) {
  size_t end = at;
  while (end < text.size() && is_letter(text[end])) ++end;
  return text.substr(at, end - at);
}

/// The weekday a word names (0 = Sunday), or -1.
int weekday_word(std::string_view word) {
  std::string w = to_lower(word);
  static const char* extra[][2] = {{"tues", "2"}, {"weds", "3"}, {"thur", "4"}, {"thurs", "4"}};
  for (int i = 0; i < 7; ++i) {
    std::string full = to_lower(kWeekdays[i]);
    if (w == full || w == full.substr(0, 3)) return i;
  }
  for (const auto& e : extra)
    if (w == e[0]) return e[1][0] - '0';
  return -1;
}

/// The month a word names (1 to 12), or 0.
int month_word(std::string_view word) {
  std::string w = to_lower(word);
  for (int i = 0; i < 12; ++i) {
    std::string full = to_lower(kMonths[i]);
    if (w == full || w == full.substr(0, 3)) return i + 1;
  }
  return w == "sept" ? 9 : 0;
}

/// A cursor over the text after a weekday.
struct Cursor {
  std::string_view text;
  size_t at;

  void spaces() {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n')) ++at;
  }
  /// Spaces, with one comma (or full stop after an abbreviation) among them.
  void separator() {
    spaces();
    if (at < text.size() && (text[at] == ',' || text[at] == '.')) ++at;
    spaces();
  }
  /// A number of 1 to `max_digits` digits, not followed by another digit.
  std::optional<int> number(size_t min_digits, size_t max_digits) {
    size_t start = at;
    int n = 0;
    while (at < text.size() && is_digit(text[at]) && at - start < max_digits) n = n * 10 + (text[at++] - '0');
    if (at - start < min_digits || (at < text.size() && is_digit(text[at]))) {
      at = start;
      return std::nullopt;
    }
    return n;
  }
  /// `st`, `nd`, `rd` or `th` after a day.
  void ordinal() {
    std::string w = to_lower(word_at(text, at));
    if (w == "st" || w == "nd" || w == "rd" || w == "th") at += 2;
  }
  std::optional<int> month() {
    std::string_view w = word_at(text, at);
    int m = month_word(w);
    if (!m) return std::nullopt;
    at += w.size();
    if (at < text.size() && text[at] == '.') ++at;
    return m;
  }
  bool word(std::string_view expected) {
    std::string_view w = word_at(text, at);
    if (to_lower(w) != expected) return false;
    at += w.size();
    return true;
  }
};

/// The date written after a weekday, from `at`: its end and fields.
bool read_date(std::string_view text, size_t at, size_t* end, int* year, int* month, int* day) {
  Cursor c{text, at};
  c.separator();
  size_t date_start = c.at;
  // 2019-11-25
  if (auto y = c.number(4, 4); y && c.at < text.size() && text[c.at] == '-') {
    ++c.at;
    auto m = c.number(2, 2);
    if (m && c.at < text.size() && text[c.at] == '-') {
      ++c.at;
      if (auto d = c.number(2, 2)) {
        *year = *y, *month = *m, *day = *d, *end = c.at;
        return true;
      }
    }
    return false;
  }
  c.at = date_start;
  // 25 November 2019, 25th of November, 2019
  if (auto d = c.number(1, 2)) {
    c.ordinal();
    c.spaces();
    size_t before_of = c.at;
    if (!(c.word("of") && (c.spaces(), true))) c.at = before_of;
    auto m = c.month();
    if (!m) return false;
    c.separator();
    auto y = c.number(4, 4);
    if (!y) return false;
    *year = *y, *month = *m, *day = *d, *end = c.at;
    return true;
  }
  // November 25, 2019
  if (auto m = c.month()) {
    c.spaces();
    auto d = c.number(1, 2);
    if (!d) return false;
    c.ordinal();
    c.separator();
    auto y = c.number(4, 4);
    if (!y) return false;
    *year = *y, *month = *m, *day = *d, *end = c.at;
    return true;
  }
  return false;
}

}  // namespace

std::optional<int> weekday_of(int year, int month, int day) {
  static const int lengths[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > lengths[month - 1]) return std::nullopt;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return std::nullopt;
  int64_t days = days_from_civil(year, month, day);  // 1970-01-01 was a Thursday
  return static_cast<int>(((days % 7) + 11) % 7);
}

std::vector<WrittenWeekday> find_weekday_dates(std::string_view text) {
  std::vector<WrittenWeekday> out;
  for (size_t i = 0; i < text.size();) {
    if (!is_letter(text[i]) || (i > 0 && is_letter(text[i - 1]))) {
      ++i;
      continue;
    }
    std::string_view w = word_at(text, i);
    int weekday = w.size() <= 9 ? weekday_word(w) : -1;
    size_t after = i + w.size();
    if (weekday < 0) {
      i = after;
      continue;
    }
    if (after < text.size() && text[after] == '.') ++after;  // "Thu."
    size_t end = 0;
    int year = 0, month = 0, day = 0;
    if (read_date(text, after, &end, &year, &month, &day) && weekday_of(year, month, day)) {
      std::string written(text.substr(i, end - i));
      for (char& c : written)
        if (c == '\n' || c == '\t') c = ' ';
      out.push_back({i, std::move(written), weekday, year, month, day});
      i = end;
      continue;
    }
    i = after;
  }
  return out;
}

void check_weekdays(std::string_view text, const std::string& path, Diagnostics& diags) {
  for (const WrittenWeekday& w : find_weekday_dates(text)) {
    int actual = *weekday_of(w.year, w.month, w.day);
    if (actual == w.weekday) continue;
    int line, column;
    line_and_column(text, w.offset, &line, &column);
    diags.warning({path, line, column},
                  fmt::format("'{}': {} {} {} is a {}, not a {}; check the date and the day", w.written, w.day,
                              kMonths[w.month - 1], w.year, kWeekdays[actual], kWeekdays[w.weekday]));
  }
}

}  // namespace herald
