// ISO 8601 parsing and the output date formats; zones via the system tz database.
#include "core/datetime.h"
#include "core/display_language.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <mutex>

#include <fmt/format.h>

namespace herald {
namespace {

std::mutex tz_mutex;
std::string current_tz;

// Points the C library at `name`. The caller holds tz_mutex.
void use_zone(const std::string& name) {
  if (current_tz == name) return;
  setenv("TZ", name.c_str(), 1);
  tzset();
  current_tz = name;
}

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool read_int(std::string_view text, size_t pos, size_t len, int* out) {
  if (pos + len > text.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

TimeZone::TimeZone(std::string name) : name_(std::move(name)) {}

bool TimeZone::valid() const {
  if (name_ == "UTC") return true;
  if (name_.empty() || name_.find("..") != std::string::npos || name_[0] == '/') return false;
  std::string path = "/usr/share/zoneinfo/" + name_;
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char magic[4] = {};
  bool ok = std::fread(magic, 1, 4, f) == 4 && std::string_view(magic, 4) == "TZif";
  std::fclose(f);
  return ok;
}

namespace {

// The zone's offset from UTC at `utc_seconds`, from the C library. The caller holds tz_mutex.
int offset_in(const std::string& zone, int64_t utc_seconds) {
  use_zone(zone);
  time_t t = static_cast<time_t>(utc_seconds);
  struct tm local;
  localtime_r(&t, &local);
  return static_cast<int>(local.tm_gmtoff);
}

}  // namespace

int TimeZone::offset_at(int64_t utc_seconds) const {
  // Every card, list and sitemap entry asks, from both threads, mostly for a
  // few commit times. An hour whose first and last second have the same
  // offset has it throughout (no zone changes twice within an hour), so it is
  // remembered by hour, in each thread, and then needs no lock.
  struct Hour {
    std::string zone;
    int64_t hour = INT64_MIN;
    int offset = 0;
  };
  thread_local Hour remembered[64];
  const int64_t hour = utc_seconds >= 0 ? utc_seconds / 3600 : -((-utc_seconds + 3599) / 3600);
  Hour& slot = remembered[static_cast<uint64_t>(hour) % 64];
  if (slot.hour == hour && slot.zone == name_) return slot.offset;
  std::lock_guard lock(tz_mutex);
  int offset = offset_in(name_, utc_seconds);
  if (offset_in(name_, hour * 3600) == offset && offset_in(name_, hour * 3600 + 3599) == offset)
    slot = {name_, hour, offset};
  return offset;
}

std::string TimeZone::abbreviation_at(int64_t utc_seconds) const {
  std::lock_guard lock(tz_mutex);
  use_zone(name_);
  time_t t = static_cast<time_t>(utc_seconds);
  struct tm local;
  localtime_r(&t, &local);
  return local.tm_zone ? local.tm_zone : "";
}

int64_t TimeZone::to_utc(int year, int month, int day, int hour, int minute, int second) const {
  std::lock_guard lock(tz_mutex);
  use_zone(name_);
  struct tm local = {};
  local.tm_year = year - 1900;
  local.tm_mon = month - 1;
  local.tm_mday = day;
  local.tm_hour = hour;
  local.tm_min = minute;
  local.tm_sec = second;
  local.tm_isdst = -1;
  return static_cast<int64_t>(mktime(&local));
}

int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilTime civil_time(const DateTime& t) {
  int64_t local = t.utc_seconds + t.offset_seconds;
  int64_t days = local >= 0 ? local / 86400 : (local - 86399) / 86400;
  int64_t secs = local - days * 86400;
  int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  CivilTime c;
  c.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  c.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  c.year = static_cast<int>(yoe + era * 400 + (c.month <= 2));
  c.hour = static_cast<int>(secs / 3600);
  c.minute = static_cast<int>(secs / 60 % 60);
  c.second = static_cast<int>(secs % 60);
  c.weekday = static_cast<int>((days % 7 + 11) % 7);  // 1970-01-01 was a Thursday
  return c;
}

std::optional<DateTime> parse_datetime(std::string_view text, const TimeZone& zone,
                                       std::string* error) {
  auto fail = [&]() -> std::optional<DateTime> {
    if (error)
      *error = fmt::format(
          "invalid date '{}': expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][+HH:MM], "
          "e.g. 2024-04-12 or 2024-04-12T09:30:00+01:00",
          text);
    return std::nullopt;
  };
  int y, mo, d, h = 0, mi = 0, s = 0;
  if (text.size() < 10 || !read_int(text, 0, 4, &y) || text[4] != '-' ||
      !read_int(text, 5, 2, &mo) || text[7] != '-' || !read_int(text, 8, 2, &d))
    return fail();
  if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo)) return fail();
  DateTime out;
  size_t pos = 10;
  if (pos == text.size()) {
    out.utc_seconds = zone.to_utc(y, mo, d, 0, 0, 0);
    out.offset_seconds = zone.offset_at(out.utc_seconds);
    return out;
  }
  if (text[pos] != 'T' && text[pos] != ' ') return fail();
  ++pos;
  if (!read_int(text, pos, 2, &h) || text.size() < pos + 5 || text[pos + 2] != ':' ||
      !read_int(text, pos + 3, 2, &mi))
    return fail();
  pos += 5;
  if (pos < text.size() && text[pos] == ':') {
    if (!read_int(text, pos + 1, 2, &s)) return fail();
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {  // fractional seconds are dropped
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    }
  }
  if (h > 23 || mi > 59 || s > 59) return fail();
  out.has_time = true;
  int64_t naive = (days_from_civil(y, mo, d) * 86400) + h * 3600 + mi * 60 + s;
  if (pos == text.size()) {
    out.utc_seconds = zone.to_utc(y, mo, d, h, mi, s);
    out.offset_seconds = zone.offset_at(out.utc_seconds);
    return out;
  }
  if (text[pos] == 'Z' && pos + 1 == text.size()) {
    out.utc_seconds = naive;
    out.offset_seconds = 0;
    return out;
  }
  int oh, om;
  if ((text[pos] != '+' && text[pos] != '-') || text.size() != pos + 6 ||
      !read_int(text, pos + 1, 2, &oh) || text[pos + 3] != ':' ||
      !read_int(text, pos + 4, 2, &om) || oh > 14 || om > 59)
    return fail();
  int offset = (oh * 3600 + om * 60) * (text[pos] == '-' ? -1 : 1);
  out.utc_seconds = naive - offset;
  out.offset_seconds = offset;
  return out;
}

DateTime in_zone(int64_t utc_seconds, const TimeZone& zone, bool has_time) {
  DateTime t;
  t.utc_seconds = utc_seconds;
  t.offset_seconds = zone.offset_at(utc_seconds);
  t.has_time = has_time;
  return t;
}

static std::string offset_text(int offset, bool colon) {
  char sign = offset < 0 ? '-' : '+';
  int a = offset < 0 ? -offset : offset;
  return colon ? fmt::format("{}{:02}:{:02}", sign, a / 3600, a / 60 % 60)
               : fmt::format("{}{:02}{:02}", sign, a / 3600, a / 60 % 60);
}

std::string format_rfc3339(const DateTime& t) {
  CivilTime c = civil_time(t);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}", c.year, c.month, c.day, c.hour,
                     c.minute, c.second, offset_text(t.offset_seconds, true));
}

std::string format_rfc822(const DateTime& t) {
  CivilTime c = civil_time(t);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} {}", kDays[c.weekday], c.day,
                     std::string(kMonths[c.month - 1]).substr(0, 3), c.year, c.hour, c.minute,
                     c.second, offset_text(t.offset_seconds, false));
}

std::string format_iso_date(const DateTime& t) {
  CivilTime c = civil_time(t);
  return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
}

std::string format_human_date(const DateTime& t) {
  CivilTime c = civil_time(t);
  return fmt::format("{} {} {}", c.day, month_name(c.month), c.year);
}

std::string format_human_time(const DateTime& t) {
  CivilTime c = civil_time(t);
  int h12 = c.hour % 12 == 0 ? 12 : c.hour % 12;
  const char* suffix = time_of_day_suffix(c.hour < 12);
  if (c.hour == 12 && c.minute == 0) return display_language() == "cy" ? "hanner dydd" : "midday";
  if (c.minute == 0) return fmt::format("{}{}", h12, suffix);
  return fmt::format("{}:{:02}{}", h12, c.minute, suffix);
}

std::string format_month_year(const DateTime& t) {
  CivilTime c = civil_time(t);
  return fmt::format("{} {}", month_name(c.month), c.year);
}

std::string format_ical_local(const DateTime& t) {
  CivilTime c = civil_time(t);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", c.year, c.month, c.day, c.hour, c.minute,
                     c.second);
}

std::string format_ical_utc(int64_t utc_seconds) {
  DateTime t{utc_seconds, 0, true};
  return format_ical_local(t) + "Z";
}

}  // namespace herald
