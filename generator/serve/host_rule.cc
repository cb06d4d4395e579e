// The preview's Host rule: which names a request may use, and what a refused one is told.
#include "serve/host_rule.h"

#include <fmt/format.h>

#include <vector>

#include "core/text.h"

namespace herald {
namespace {

/// `address` as a Host header names it: lower case, an IPv4 address that the
/// system wrote as IPv6 ("::ffff:192.0.2.7") plain, an IPv6 one in brackets.
std::string host_name_of(std::string_view address) {
  std::string name = to_lower(address);
  if (starts_with(name, "::ffff:") && name.find('.') != std::string::npos) name.erase(0, 7);
  if (name.find(':') != std::string::npos && !starts_with(name, "[")) name = "[" + name + "]";
  return name;
}

/// "a", "a or b", "a, b or c".
std::string one_of(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace

HostRule::HostRule(std::string_view bind, int port) : bind_(host_name_of(bind)), port_(std::to_string(port)) {
  wildcard_ = bind_.empty() || bind_ == "0.0.0.0" || bind_ == "[::]";
}

bool HostRule::allows(std::string_view host, std::string_view local_address) const {
  std::string value = to_lower(trim(host));
  // The name, then nothing or ":" and the preview's own port.
  size_t name_end = starts_with(value, "[") ? value.find(']') : value.find(':');
  if (starts_with(value, "[")) {
    if (name_end == std::string::npos) return false;
    ++name_end;
  } else if (name_end == std::string::npos) {
    name_end = value.size();
  }
  std::string_view name = std::string_view(value).substr(0, name_end);
  std::string_view rest = std::string_view(value).substr(name_end);
  if (name.empty() || (!rest.empty() && rest != ":" + port_)) return false;
  return name == "localhost" || name == "127.0.0.1" || name == "[::1]" || name == bind_ ||
         (!local_address.empty() && name == host_name_of(local_address));
}

std::string HostRule::addresses() const {
  auto url = [this](std::string_view name) { return fmt::format("http://{}:{}/", name, port_); };
  if (wildcard_)
    return fmt::format("{}, {} or this computer's own IP address with :{}", url("127.0.0.1"),
                       url("localhost"), port_);
  std::vector<std::string> urls{url(bind_)};
  if (bind_ == "127.0.0.1" || bind_ == "[::1]") urls.push_back(url("localhost"));
  return one_of(urls);
}

std::string HostRule::wrong_host_message() const {
  return "403 Forbidden: open the preview at " + addresses() +
         " instead. It answers no other address, so that other websites cannot read it.\n";
}

std::string HostRule::missing_host_message() const {
  return "400 Bad Request: the request does not say which address it is for (it needs one Host header, "
         "as every browser sends). Open the preview in a browser at " +
         addresses() + ".\n";
}

}  // namespace herald
