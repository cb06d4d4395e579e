// A weekday written beside a date that falls on another day ("Thursday 25 November 2019", a Monday).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace herald {

/// A weekday and date written together, as found in a text.
struct WrittenWeekday {
  size_t offset = 0;     ///< of the weekday's first letter
  std::string written;   ///< the words as written, e.g. "Thursday, 25th November 2019"
  int weekday = 0;       ///< as written: 0 = Sunday
  int year = 0, month = 0, day = 0;
};

/// Every weekday written next to a date in `text`, in these forms (any
/// case; the weekday in full or as three letters, `Tues`, `Weds`, `Thur`,
/// `Thurs` too; the month in full or as three letters, `Sept` too; a comma
/// after the weekday or before the year allowed; `st`, `nd`, `rd` and `th`
/// after the day; `of` before the month):
///   Thursday 25 November 2019    Thu, 25th of Nov 2019
///   Thursday November 25, 2019   Thursday 2019-11-25
/// A date that does not exist (31 April) is not listed.
std::vector<WrittenWeekday> find_weekday_dates(std::string_view text);

/// The day of the week of a date (0 = Sunday), or nullopt for no such date.
std::optional<int> weekday_of(int year, int month, int day);

/// Warns, at its line and column, about each weekday of `text` (a whole
/// file, front matter included) written next to a date that falls on
/// another day.
void check_weekdays(std::string_view text, const std::string& path, Diagnostics& diags);

}  // namespace herald
