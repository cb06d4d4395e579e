// Reading and comparing herald's version numbers.
#include "core/version.h"

namespace herald {

std::optional<std::vector<int>> parse_version(std::string_view text) {
  std::vector<int> numbers;
  size_t i = 0;
  while (true) {
    size_t start = i;
    long value = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      value = value * 10 + (text[i] - '0');
      if (value > 99999) return std::nullopt;
      ++i;
    }
    if (i == start) return std::nullopt;
    numbers.push_back(static_cast<int>(value));
    if (i == text.size()) break;
    if (text[i] != '.') return std::nullopt;
    ++i;
  }
  if (numbers.size() < 2 || numbers.size() > 3) return std::nullopt;
  return numbers;
}

std::string version_series(std::string_view version) {
  auto numbers = parse_version(version);
  if (!numbers) return std::string(version);
  return std::to_string((*numbers)[0]) + "." + std::to_string((*numbers)[1]);
}

bool version_matches(const std::vector<int>& wanted, const std::vector<int>& running) {
  if (wanted.size() > running.size()) return false;
  for (size_t i = 0; i < wanted.size(); ++i)
    if (wanted[i] != running[i]) return false;
  return true;
}

}  // namespace herald
