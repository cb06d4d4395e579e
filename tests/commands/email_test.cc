// Tests for commands/email: `herald email SLUG --to ADDRESS` against a local SMTP server (Debian's python3-aiosmtpd).
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <regex>
#include <thread>

#include "support/site_builder.h"

using herald::test::contains;
using herald::test::run_command;
using herald::test::TempSite;

namespace {

/// tests/clients/smtp_server.py on a free port of 127.0.0.1, saving what it
/// receives into a folder of its own; stopped (by its process id) and
/// removed when the object goes.
class SmtpServer {
 public:
  explicit SmtpServer(const std::string& options = "") : dir_(herald::test::make_temp_dir("herald-smtp-")) {
    auto r = run_command("/usr/bin/python3 '" HERALD_SOURCE_DIR "/tests/clients/smtp_server.py' '" + dir_ + "' " +
                         options + " >'" + dir_ + "/log' 2>&1 & echo $!");
    pid_ = std::stoi(r.out);
    for (int i = 0; i < 200 && !std::filesystem::exists(dir_ + "/port"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    std::string port = herald::test::read_file(dir_ + "/port");
    INFO(herald::test::read_file(dir_ + "/log"));
    REQUIRE(!port.empty());
    url_ = "smtp://127.0.0.1:" + port;
  }
  ~SmtpServer() {
    if (pid_ > 0) ::kill(pid_, SIGTERM);
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  const std::string& url() const { return url_; }
  const std::string& dir() const { return dir_; }
  /// The n-th message received (1 first), as received; "" when none.
  std::string message(int n) const { return herald::test::read_file(dir_ + "/message-" + std::to_string(n) + ".eml"); }
  std::string envelope(int n) const { return herald::test::read_file(dir_ + "/envelope-" + std::to_string(n) + ".txt"); }

 private:
  std::string dir_, url_;
  int pid_ = -1;
};

void write_site(TempSite& site) {
  site.write_minimal_site();
  site.write("herald.yaml", site.read("herald.yaml") +
                                "email:\n"
                                "  from: \"Testshire Safeguarding Partnership <newsletter@testshire.example>\"\n"
                                "  reply_to: business.office@testshire.example\n"
                                "  unsubscribe: \"*|UNSUB|*\"\n");
  site.write("content/newsletters/summer-2024.md",
             "---\ntitle: Safeguarding Matters – Summer 2024\ndate: 2024-05-20\ndraft: true\n---\n\n## Welcome\n\nHello.\n");
  site.commit("the site", "2024-05-01T10:00:00+01:00");
}

const std::string kNow = " --now 2024-06-01T12:00:00";

/// A port of 127.0.0.1 that nothing listens on.
std::string closed_port() {
  auto r = run_command("/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind((\"127.0.0.1\", 0)); "
                       "print(s.getsockname()[1])'");
  return r.out.substr(0, r.out.find_first_of("\r\n"));
}

/// herald run in the site with HERALD_SMTP_PASSWORD set to `password` (unset when empty).
herald::test::RunResult herald_with_password(const TempSite& site, const std::string& password, const std::string& args) {
  std::string env = password.empty() ? "env -u HERALD_SMTP_PASSWORD" : "env HERALD_SMTP_PASSWORD='" + password + "'";
  return run_command("cd '" + site.dir() + "' && " + env + " '" HERALD_BINARY "' " + args);
}

}  // namespace

TEST_CASE("herald email sends the newsletter's edition, with a To, to the address given") {
  TempSite site;
  write_site(site);
  SmtpServer server;
  auto r = site.herald("email spring-2024 --to proof@testshire.example --smtp " + server.url() + kNow);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(contains(r.err, "herald: sent \"Spring 2024\" to proof@testshire.example through " + server.url() +
                            " (the server answered \"250 2.0.0 Saved as message 1\")\n"));
  CHECK(server.envelope(1) == "from newsletter@testshire.example\nto proof@testshire.example\nlogin no\n");
  std::string received = server.message(1);
  REQUIRE(!received.empty());
  // What arrived is the build's .eml with a To header: read by Python's email package.
  herald::test::write_file(server.dir() + "/received.eml", received);
  auto read = run_command("/usr/bin/python3 '" HERALD_SOURCE_DIR "/tests/clients/check_email.py' '" + server.dir() +
                          "/received.eml'");
  INFO(read.out);
  CHECK(read.exit_code == 0);
  CHECK(contains(read.out, "\"To\": \"proof@testshire.example\""));
  CHECK(contains(read.out, "\"Subject\": \"Spring 2024\""));
  CHECK(contains(read.out, "\"From\": \"Testshire Safeguarding Partnership <newsletter@testshire.example>\""));
  CHECK(contains(read.out, "\"Reply-To\": \"business.office@testshire.example\""));
  CHECK(contains(read.out, "\"content_type\": \"multipart/alternative\""));
  CHECK(contains(read.out, "\"type\": \"text/plain\""));
  CHECK(contains(read.out, "\"type\": \"text/html\""));
  CHECK(contains(read.out, "View in your browser"));
  // Apart from its To, the message is the one a build writes.
  REQUIRE(site.herald("build" + kNow).exit_code == 0);
  std::string built = site.read("public/newsletters/spring-2024/spring-2024.eml");
  CHECK(received.find("To: proof@testshire.example\r\n") != std::string::npos);
  std::string without_to = std::regex_replace(received, std::regex("To: proof@testshire\\.example\r\n"), "");
  CHECK(without_to == built);
}

TEST_CASE("herald email: a draft with --drafts; a scheduled newsletter with --now its date") {
  TempSite site;
  write_site(site);
  SmtpServer server;
  auto draft = site.herald("email summer-2024 --to proof@testshire.example --smtp " + server.url() + kNow);
  CHECK(draft.exit_code == 2);
  CHECK(contains(draft.err, "error: the newsletter 'summer-2024' is a draft: add --drafts to send it as a test\n"));
  auto sent = site.herald("email summer-2024 --drafts --to proof@testshire.example --smtp " + server.url() + kNow);
  INFO(sent.err);
  CHECK(sent.exit_code == 0);
  CHECK(contains(server.message(1), "Subject: =?UTF-8?Q?Safeguarding_Matters_=E2=80=93_Summer_2024?=\r\n"));
  site.write("content/newsletters/summer-2024.md",
             "---\ntitle: Summer 2024\ndate: 2024-07-15\n---\n\n## Welcome\n\nHello.\n");
  site.commit("ready");
  auto scheduled = site.herald("email summer-2024 --to proof@testshire.example --smtp " + server.url() + kNow);
  CHECK(scheduled.exit_code == 2);
  CHECK(contains(scheduled.err, "error: the newsletter 'summer-2024' is scheduled for 15 July 2024, and its web page "
                                "is not published before: add --now 2024-07-15 to send it as it will be on that day\n"));
  CHECK(site.herald("email summer-2024 --to proof@testshire.example --smtp " + server.url() + " --now 2024-07-15")
            .exit_code == 0);
}

TEST_CASE("herald email: the login's password comes from HERALD_SMTP_PASSWORD, and is never shown") {
  TempSite site;
  write_site(site);
  SmtpServer server("--login business.office:correct-horse-7");
  const std::string send = "email spring-2024 --to proof@testshire.example --user business.office --smtp " + server.url() + kNow;
  auto wrong = herald_with_password(site, "wrong-battery-9", send);
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find("error: the server at " + server.url() +
                       " refused the login of 'business.office' (it answered \"535 5.7.8 Authentication credentials "
                       "invalid\"): check --user and the password in HERALD_SMTP_PASSWORD\n") != std::string::npos);
  CHECK_FALSE(contains(wrong.out + wrong.err, "wrong-battery-9"));
  CHECK(server.message(1).empty());
  auto right = herald_with_password(site, "correct-horse-7", send);
  INFO(right.err);
  CHECK(right.exit_code == 0);
  CHECK_FALSE(contains(right.out + right.err, "correct-horse-7"));
  CHECK(server.envelope(1) == "from newsletter@testshire.example\nto proof@testshire.example\nlogin yes\n");
  // No password: nothing is asked of the server.
  auto none = herald_with_password(site, "", send);
  CHECK(none.exit_code == 2);
  CHECK(none.err == "error: --user needs its password in the environment variable HERALD_SMTP_PASSWORD\n");
  // A password never crosses the network in the clear.
  auto clear = herald_with_password(site, "x",
                                    "email spring-2024 --to proof@testshire.example --user u --smtp smtp://mail.testshire.example:587" + kNow);
  CHECK(clear.exit_code == 2);
  CHECK(clear.err == "error: the password would cross the network unencrypted: add --starttls, or use smtps://\n");
}

TEST_CASE("herald email: a server without STARTTLS, a closed port, a refused recipient: one clear line, exit 2") {
  TempSite site;
  write_site(site);
  SmtpServer server("--refuse nobody@testshire.example");
  auto tls = site.herald("email spring-2024 --to proof@testshire.example --starttls --smtp " + server.url() + kNow);
  CHECK(tls.exit_code == 2);
  CHECK(contains(tls.err, "error: the server at " + server.url() + " does not offer STARTTLS, so nothing was sent: ask "
                          "which port takes STARTTLS (often 587), or use smtps:// for a server that takes TLS from the "
                          "start\n"));
  CHECK(server.message(1).empty());
  std::string port = closed_port();
  auto closed = site.herald("email spring-2024 --to proof@testshire.example --smtp smtp://127.0.0.1:" + port + kNow);
  CHECK(closed.exit_code == 2);
  CHECK(contains(closed.err, "error: could not reach the mail server at smtp://127.0.0.1:" + port + ": Failed to connect"));
  auto refused = site.herald("email spring-2024 --to nobody@testshire.example --smtp " + server.url() + kNow);
  CHECK(refused.exit_code == 2);
  CHECK(contains(refused.err, "error: the mail server at " + server.url() + " refused the message: it answered "
                              "\"550 5.1.1 <nobody@testshire.example>: no such mailbox here\"\n"));
  CHECK(server.message(1).empty());
}

TEST_CASE("herald email: no such newsletter, no email: settings, a bad address, a site with errors") {
  TempSite site;
  write_site(site);
  auto missing = site.herald("email sprig-2024 --to proof@testshire.example --smtp smtp://127.0.0.1:9" + kNow);
  CHECK(missing.exit_code == 2);
  CHECK(contains(missing.err, "error: there is no newsletter 'sprig-2024' in content/newsletters/ (did you mean spring-2024?)\n"));
  auto bad_to = site.herald("email spring-2024 --to proof.testshire.example" + kNow);
  CHECK(bad_to.exit_code == 2);
  CHECK(bad_to.err == "error: --to 'proof.testshire.example' is not an email address such as you@northbrook.example\n");
  auto bad_url = site.herald("email spring-2024 --to proof@testshire.example --smtp mail.testshire.example" + kNow);
  CHECK(bad_url.exit_code == 2);
  CHECK(bad_url.err == "error: --smtp 'mail.testshire.example' must be a mail server's address such as "
                       "smtp://mail.northbrook.example:587\n");
  site.write("content/pages/broken.md", "---\ntitle: Broken\n---\n\nSee [the missing page](/no-such-page/).\n");
  site.commit("broken");
  auto broken = site.herald("email spring-2024 --to proof@testshire.example --smtp smtp://127.0.0.1:9" + kNow);
  CHECK(broken.exit_code == 1);
  CHECK(contains(broken.err, "content/pages/broken.md:5:5: error: "));
  CHECK(contains(broken.err, "herald: nothing was sent: fix the errors above first\n"));
  site.write("herald.yaml", site.read("herald.yaml").substr(0, site.read("herald.yaml").find("email:")));
  site.remove("content/pages/broken.md");
  site.commit("no email");
  auto no_email = site.herald("email spring-2024 --to proof@testshire.example" + kNow);
  CHECK(no_email.exit_code == 2);
  CHECK(contains(no_email.err, "error: herald.yaml has no 'email' settings, so its newsletters have no email edition: "
                               "add email: with from and unsubscribe (the guide \"Send a newsletter by email\" says how)\n"));
}

TEST_CASE("herald email: a newsletter with a Welsh counterpart is sent in Welsh and English, by either's slug") {
  TempSite site;
  write_site(site);
  std::string config = site.read("herald.yaml");
  config.replace(config.find("language: en-GB\n"), 16, "languages: [en-GB, cy]\n");
  site.write("herald.yaml", config);
  site.write("content/newsletters/spring-2024.cy.md",
             "---\ntitle: Gwanwyn 2024\nslug: gwanwyn-2024\ndate: 2024-03-15\n---\n\n## Croeso\n\nHelo.\n");
  site.commit("Welsh");
  SmtpServer server;
  for (const char* slug : {"gwanwyn-2024", "spring-2024"}) {
    CAPTURE(slug);
    auto r = site.herald(std::string("email ") + slug + " --to proof@testshire.example --smtp " + server.url() + kNow);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "herald: sent \"Gwanwyn 2024 / Spring 2024\" to proof@testshire.example"));
  }
  std::string received = server.message(1);
  CHECK(received.find("Helo.") < received.find("Spring 2024</h1>"));
  CHECK(server.message(1) == server.message(2));
}
