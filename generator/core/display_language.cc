// The language the current thread writes dates and the theme's words in.
#include "core/display_language.h"

#include <cctype>

namespace herald {
namespace {

thread_local std::string current = "en";

const char* const kEnglishMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                      "July",    "August",   "September", "October", "November", "December"};
const char* const kWelshMonths[] = {"Ionawr",     "Chwefror", "Mawrth", "Ebrill",  "Mai",       "Mehefin",
                                    "Gorffennaf", "Awst",     "Medi",   "Hydref", "Tachwedd", "Rhagfyr"};

}  // namespace

const std::string& display_language() { return current; }

DisplayLanguage::DisplayLanguage(const std::string& tag) : previous_(current) {
  std::string code = tag.substr(0, tag.find('-'));
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  current = code.empty() ? "en" : code;
}

DisplayLanguage::~DisplayLanguage() { current = previous_; }

const char* month_name(int month) {
  if (month < 1 || month > 12) return "";
  return current == "cy" ? kWelshMonths[month - 1] : kEnglishMonths[month - 1];
}

const char* time_of_day_suffix(bool morning) {
  if (current == "cy") return morning ? "yb" : "yh";
  return morning ? "am" : "pm";
}

}  // namespace herald
