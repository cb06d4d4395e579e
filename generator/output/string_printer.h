// tinyxml2's printer, writing into a string of herald's.
#pragma once

#include <tinyxml2.h>

#include <cstddef>
#include <string>

namespace herald {

/// tinyxml2's printer, writing into a string made with `room` for the whole
/// file: not into its own buffer, grown by doubling and then copied out by
/// CStr(). For the sitemap (a megabyte at 10,000 pages) and the feeds.
class StringPrinter : public tinyxml2::XMLPrinter {
 public:
  explicit StringPrinter(size_t room = 0) { out_.reserve(room); }
  /// What was printed, taken: the printer is empty after.
  std::string take() { return std::move(out_); }

 protected:
  void Print(const char* format, ...) override;
  void Write(const char* data, size_t size) override { out_.append(data, size); }
  void Putc(char ch) override { out_ += ch; }

 private:
  std::string out_;
};

}  // namespace herald
