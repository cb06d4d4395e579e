// Asks web servers whether URLs still lead somewhere (libcurl): for `herald check --external` only.
#include "external/url_checker.h"

#include <curl/curl.h>

#include <deque>
#include <map>
#include <mutex>

namespace herald {
namespace {

/// The host of `url` as libcurl parses it ("" when it cannot).
std::string host_of(const std::string& url) {
  std::string host;
  if (CURLU* u = curl_url()) {
    char* part = nullptr;
    if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &part, 0) == CURLUE_OK && part) {
      host = part;
      curl_free(part);
    }
    curl_url_cleanup(u);
  }
  return host;
}

/// One URL's request in flight.
struct Transfer {
  size_t index = 0;
  std::string host;
  bool get = false;  ///< asked with GET after HEAD was refused
  char error[CURL_ERROR_SIZE] = {};
};

/// A GET only needs the status: the body is not read.
size_t stop_reading(char*, size_t, size_t, void*) { return 0; }

CURL* new_request(const std::string& url, Transfer& t, const UrlCheckLimits& limits) {
  CURL* easy = curl_easy_init();
  if (!easy) return nullptr;
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, &t);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, t.error);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, limits.max_redirects);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, limits.timeout_ms);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, limits.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, stop_reading);
  if (t.get)
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  else
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  return easy;
}

/// Statuses with which a server refuses HEAD but may answer GET.
bool head_refused(long status) { return status == 400 || status == 403 || status == 405 || status == 501; }

}  // namespace

std::vector<UrlStatus> check_urls(const std::vector<std::string>& urls, const UrlCheckLimits& limits) {
  static std::once_flag initialised;
  std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::vector<UrlStatus> results(urls.size());
  std::vector<Transfer> transfers(urls.size());
  for (size_t i = 0; i < urls.size(); ++i) {
    results[i].url = urls[i];
    transfers[i].index = i;
    transfers[i].host = host_of(urls[i]);
  }
  CURLM* multi = curl_multi_init();
  if (!multi) {
    for (UrlStatus& r : results) r.error = "the HTTP client could not start";
    return results;
  }
  // herald keeps the limits itself (a request waiting for a connection would
  // spend its time limit waiting); libcurl's own are a second guard.
  curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(limits.at_once));
  curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(limits.per_host));
  std::deque<size_t> waiting;
  for (size_t i = 0; i < urls.size(); ++i) waiting.push_back(i);
  std::map<std::string, size_t> per_host;
  size_t running = 0;
  auto start = [&](size_t i) {
    Transfer& t = transfers[i];
    CURL* easy = new_request(urls[i], t, limits);
    if (!easy || curl_multi_add_handle(multi, easy) != CURLM_OK) {
      if (easy) curl_easy_cleanup(easy);
      results[i].error = "the request could not be made";
      return;
    }
    ++per_host[t.host];
    ++running;
  };
  auto start_more = [&] {
    for (auto it = waiting.begin(); it != waiting.end() && running < limits.at_once;) {
      if (per_host[transfers[*it].host] >= limits.per_host) {
        ++it;
        continue;
      }
      size_t i = *it;
      it = waiting.erase(it);
      start(i);
    }
  };
  start_more();
  while (running > 0) {
    int still = 0;
    curl_multi_perform(multi, &still);
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* easy = msg->easy_handle;
      CURLcode code = msg->data.result;
      Transfer* t = nullptr;
      curl_easy_getinfo(easy, CURLINFO_PRIVATE, &t);
      long status = 0;
      curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
      curl_multi_remove_handle(multi, easy);
      curl_easy_cleanup(easy);
      --running;
      --per_host[t->host];
      UrlStatus& r = results[t->index];
      // A GET is stopped at its first bytes: what counts is the status.
      bool answered = code == CURLE_OK || (t->get && code == CURLE_WRITE_ERROR && status > 0);
      if (answered && !t->get && head_refused(status)) {
        t->get = true;
        t->error[0] = '\0';
        waiting.push_front(t->index);
        continue;
      }
      if (answered) {
        r.status = status;
      } else {
        r.status = code == CURLE_TOO_MANY_REDIRECTS ? status : 0;
        r.error = t->error[0] ? t->error : curl_easy_strerror(code);
      }
    }
    start_more();
    if (running > 0) curl_multi_poll(multi, nullptr, 0, 1000, nullptr);
  }
  curl_multi_cleanup(multi);
  return results;
}

}  // namespace herald
