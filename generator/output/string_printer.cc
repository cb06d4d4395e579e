// tinyxml2's printer, writing into a string of herald's.
#include "output/string_printer.h"

#include <cstdarg>
#include <cstdio>

namespace herald {

void StringPrinter::Print(const char* format, ...) {
  va_list args, again;
  va_start(args, format);
  va_copy(again, args);
  int size = std::vsnprintf(nullptr, 0, format, args);
  if (size > 0) {
    size_t at = out_.size();
    out_.resize(at + static_cast<size_t>(size) + 1);
    std::vsnprintf(out_.data() + at, static_cast<size_t>(size) + 1, format, again);
    out_.resize(at + static_cast<size_t>(size));
  }
  va_end(again);
  va_end(args);
}

}  // namespace herald
