// The language the current thread writes dates and the theme's words in (a site in Welsh and English).
#pragma once

#include <string>

namespace herald {

/// The language code ("en", "cy") of what this thread is rendering: "en"
/// unless a DisplayLanguage says otherwise.
const std::string& display_language();

/// While it lives, this thread renders in `tag`'s language (`cy`, `en-GB`).
class DisplayLanguage {
 public:
  explicit DisplayLanguage(const std::string& tag);
  ~DisplayLanguage();
  DisplayLanguage(const DisplayLanguage&) = delete;
  DisplayLanguage& operator=(const DisplayLanguage&) = delete;

 private:
  std::string previous_;
};

/// The name of month `month` (1 to 12) in the display language: "April", "Ebrill".
const char* month_name(int month);

/// What follows a time of day before or after noon in the display language:
/// "am" and "pm", or "yb" (y bore) and "yh" (yr hwyr) in Welsh.
const char* time_of_day_suffix(bool morning);

}  // namespace herald
