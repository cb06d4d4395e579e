// Dates and times of the contract: ISO 8601 in, RFC 3339 / RFC 822 / human out.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace herald {

/// An IANA time zone (e.g. Europe/London), backed by the system's tz database.
class TimeZone {
 public:
  explicit TimeZone(std::string name = "UTC");
  const std::string& name() const { return name_; }
  /// True when the system knows the zone.
  bool valid() const;
  /// Offset from UTC, in seconds, at a UTC instant.
  int offset_at(int64_t utc_seconds) const;
  /// UTC seconds of a local civil time in this zone (DST resolved as mktime does).
  int64_t to_utc(int year, int month, int day, int hour, int minute, int second) const;
  /// The zone's abbreviation at a UTC instant, e.g. "BST".
  std::string abbreviation_at(int64_t utc_seconds) const;

 private:
  std::string name_;
};

/// An instant, remembered with the offset it is shown in.
struct DateTime {
  int64_t utc_seconds = 0;
  int offset_seconds = 0;
  bool has_time = false;  ///< false for a plain date (midnight local)

  bool operator<(const DateTime& o) const { return utc_seconds < o.utc_seconds; }
  bool operator==(const DateTime& o) const { return utc_seconds == o.utc_seconds; }
};

/// Civil fields of an instant at its offset.
struct CivilTime {
  int year, month, day, hour, minute, second, weekday;  // weekday 0 = Sunday
};

CivilTime civil_time(const DateTime& t);

/// Parses `2024-04-12`, `2024-04-12T09:30[:00]`, with `Z` or `+01:00`.
/// Times without an offset are in `zone`. On failure returns nullopt and sets
/// `error` to a sentence naming the expected form.
std::optional<DateTime> parse_datetime(std::string_view text, const TimeZone& zone,
                                       std::string* error);

/// The same instant shown in `zone`.
DateTime in_zone(int64_t utc_seconds, const TimeZone& zone, bool has_time = true);

std::string format_rfc3339(const DateTime& t);   ///< 2024-04-12T09:30:00+01:00
std::string format_rfc822(const DateTime& t);    ///< Fri, 12 Apr 2024 09:30:00 +0100
std::string format_iso_date(const DateTime& t);  ///< 2024-04-12
std::string format_human_date(const DateTime& t);  ///< 12 April 2024
std::string format_human_time(const DateTime& t);  ///< 9:30am
std::string format_month_year(const DateTime& t);  ///< April 2024
std::string format_ical_local(const DateTime& t);  ///< 20240412T093000
std::string format_ical_utc(int64_t utc_seconds);  ///< 20240412T083000Z

int64_t days_from_civil(int year, int month, int day);

}  // namespace herald
