// Immutable text that is cheap to copy: its own string, or bytes of a buffer it keeps alive.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace herald {

/// A page's HTML as Parse leaves it. Built from a string it holds that
/// string; read from the parse cache it points into the mapped file, which
/// it keeps mapped, so a warm build reads a page's HTML only when it renders
/// the page. Copies share the bytes. The bytes never change.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text)  // NOLINT: implicit, as a string's own text
      : owner_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {
    if (owner_) view_ = *static_cast<const std::string*>(owner_.get());
  }
  /// `view` lies in memory that `owner` keeps alive.
  SharedText(std::string_view view, std::shared_ptr<const void> owner) : owner_(std::move(owner)), view_(view) {}

  std::string_view view() const { return view_; }
  operator std::string_view() const { return view_; }  // NOLINT: reads as text
  std::string str() const { return std::string(view_); }
  size_t size() const { return view_.size(); }
  bool empty() const { return view_.empty(); }

  friend bool operator==(const SharedText& a, const SharedText& b) { return a.view_ == b.view_; }
  friend bool operator==(const SharedText& a, std::string_view b) { return a.view_ == b; }

 private:
  std::shared_ptr<const void> owner_;
  std::string_view view_;
};

}  // namespace herald
