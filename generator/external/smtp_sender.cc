// Sends one email message to an SMTP server (libcurl): for `herald email` only, in the network module.
#include "external/smtp_sender.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <mutex>

#include <fmt/format.h>

namespace herald {
namespace {

/// The message, handed to libcurl piece by piece.
struct Upload {
  const std::string* bytes;
  size_t sent = 0;
};

size_t read_message(char* buffer, size_t size, size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  size_t n = std::min(size * count, up->bytes->size() - up->sent);
  std::memcpy(buffer, up->bytes->data() + up->sent, n);
  up->sent += n;
  return n;
}

/// The server's answers (never what herald sends: the login is among that).
struct Replies {
  std::string last;     ///< the last answer line
  std::string refusal;  ///< the last answer with a 4xx or 5xx code
};

std::string printable_line(const char* data, size_t size) {
  std::string line;
  for (size_t i = 0; i < size; ++i) {
    unsigned char c = data[i];
    if (c == '\r' || c == '\n') break;
    line += c >= 0x20 && c != 0x7f ? static_cast<char>(c) : '?';
  }
  return line.size() > 200 ? line.substr(0, 200) + "…" : line;
}

int debug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  auto* replies = static_cast<Replies*>(user);
  // An answer may come as several lines ("250-…" then "250 …"): each is kept as it comes.
  for (size_t start = 0; start < size;) {
    size_t end = start;
    while (end < size && data[end] != '\n') ++end;
    std::string line = printable_line(data + start, end - start);
    if (!line.empty()) {
      replies->last = line;
      if (line[0] == '4' || line[0] == '5') replies->refusal = line;
    }
    start = end + 1;
  }
  return 0;
}

struct Slist {
  curl_slist* list = nullptr;
  ~Slist() { curl_slist_free_all(list); }
};

}  // namespace

SmtpResult send_smtp(const SmtpRequest& r) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  SmtpResult result;
  CURL* easy = curl_easy_init();
  if (!easy) {
    result.error = "the email client could not start";
    return result;
  }
  char error[CURL_ERROR_SIZE] = {};
  Upload upload{&r.message};
  Replies replies;
  Slist recipients;
  recipients.list = curl_slist_append(nullptr, ("<" + r.to + ">").c_str());
  std::string from = "<" + r.from + ">";
  curl_easy_setopt(easy, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, r.connect_timeout_ms);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, r.timeout_ms);
  curl_easy_setopt(easy, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, recipients.list);
  curl_easy_setopt(easy, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(easy, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(r.message.size()));
  curl_easy_setopt(easy, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(easy, CURLOPT_READDATA, &upload);
  curl_easy_setopt(easy, CURLOPT_USE_SSL, static_cast<long>(r.starttls ? CURLUSESSL_ALL : CURLUSESSL_NONE));
  if (!r.user.empty()) {
    curl_easy_setopt(easy, CURLOPT_USERNAME, r.user.c_str());
    curl_easy_setopt(easy, CURLOPT_PASSWORD, r.password.c_str());
  }
  // The server's answers, for the message when it refuses something.
  curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, debug);
  curl_easy_setopt(easy, CURLOPT_DEBUGDATA, &replies);
  curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
  CURLcode code = curl_easy_perform(easy);
  curl_easy_cleanup(easy);
  result.reply = replies.last;
  if (code == CURLE_OK) {
    result.ok = true;
    return result;
  }
  std::string why = error[0] ? error : curl_easy_strerror(code);
  switch (code) {
    case CURLE_USE_SSL_FAILED:
      result.error = fmt::format("the server at {} does not offer STARTTLS, so nothing was sent: ask which port "
                                 "takes STARTTLS (often 587), or use smtps:// for a server that takes TLS from the start",
                                 r.url);
      break;
    case CURLE_LOGIN_DENIED:
      result.error = fmt::format("the server at {} refused the login of '{}'{}: check --user and the password in "
                                 "HERALD_SMTP_PASSWORD",
                                 r.url, r.user, replies.refusal.empty() ? "" : " (it answered \"" + replies.refusal + "\")");
      break;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_OPERATION_TIMEDOUT:
      result.error = fmt::format("could not reach the mail server at {}: {}", r.url, why);
      break;
    default:
      result.error = replies.refusal.empty()
                         ? fmt::format("the mail server at {} did not take the message: {}", r.url, why)
                         : fmt::format("the mail server at {} refused the message: it answered \"{}\"", r.url,
                                       replies.refusal);
  }
  return result;
}

}  // namespace herald
