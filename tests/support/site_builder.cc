// Test helper: temporary git repositories made with the real git command.
#include "support/site_builder.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace herald::test {
namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

}  // namespace

RunResult run_command(const std::string& command) {
  char out_path[] = "/tmp/herald-test-out-XXXXXX";
  char err_path[] = "/tmp/herald-test-err-XXXXXX";
  int out_fd = mkstemp(out_path), err_fd = mkstemp(err_path);
  close(out_fd);
  close(err_fd);
  std::string full = "(" + command + ") >" + out_path + " 2>" + err_path + " </dev/null";
  int status = std::system(full.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  unlink(out_path);
  unlink(err_path);
  return r;
}

std::string make_temp_dir(const std::string& prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/" + prefix + "XXXXXX";
  std::vector<char> buf(pattern.begin(), pattern.end());
  buf.push_back('\0');
  if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed");
  return buf.data();
}

TempSite::TempSite() {
  dir_ = make_temp_dir("herald-site-");
  git("init -q -b main");
  git("config user.name 'Test Author'");
  git("config user.email 'author@test.example'");
  git("config commit.gpgsign false");
}

TempSite::~TempSite() {
  std::error_code ec;
  fs::remove_all(dir_, ec);
}

void TempSite::write(const std::string& path, const std::string& content) {
  fs::path p = fs::path(dir_) / path;
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
}

void TempSite::remove(const std::string& path) { fs::remove(fs::path(dir_) / path); }

void TempSite::move(const std::string& from, const std::string& to) {
  fs::path target = fs::path(dir_) / to;
  fs::create_directories(target.parent_path());
  fs::rename(fs::path(dir_) / from, target);
}

std::string TempSite::git(const std::string& args) const {
  RunResult r = run_command("cd " + quote(dir_) + " && git " + args);
  if (r.exit_code != 0) throw std::runtime_error("git " + args + " failed: " + r.err);
  return r.out;
}

void TempSite::commit(const std::string& message, const std::string& date) {
  git("add -A");
  RunResult r = run_command("cd " + quote(dir_) + " && GIT_AUTHOR_DATE=" + quote(date) +
                            " GIT_COMMITTER_DATE=" + quote(date) +
                            " git -c core.hooksPath=/dev/null commit -q --allow-empty -m " + quote(message));
  if (r.exit_code != 0) throw std::runtime_error("git commit failed: " + r.err);
}

void TempSite::tag(const std::string& name) { git("tag " + quote(name)); }

void TempSite::write_minimal_site() {
  write(".gitignore", "/public/\n/reference/\n/out*/\n/with-drafts/\n/.herald-cache/\n");
  write("herald.yaml",
        "title: Testshire Safeguarding Partnership\n"
        "base_url: https://safeguarding.testshire.example/\n"
        "language: en-GB\n"
        "timezone: Europe/London\n"
        "description: Keeping people safe in Testshire.\n"
        "brand_colour: \"#1d5b79\"\n");
  write("data/contacts.yaml",
        "- id: front-door\n"
        "  name: Children's Front Door\n"
        "  organisation: Testshire Council\n"
        "  audience: [children]\n"
        "  urgent: true\n"
        "  phones:\n"
        "    - number: \"0116 496 0000\"\n"
        "      label: Office hours\n");
  write("content/_index.md", "---\ntitle: Welcome\n---\n\nWelcome to the partnership.\n");
  write("content/briefings/neglect.md",
        "---\ntitle: Neglect and young carers\ndate: 2024-03-01\nreview_type: lcspr\n"
        "audience: [practitioners]\ntopics: [neglect]\n---\n\nLead paragraph.\n\n"
        "## 1. Purpose\n\nWhy.\n\n## 2. Background\n\nWhat.\n\n## 3. The case\n\nWho.\n\n"
        "## 4. Learning\n\nLearn.\n\n## 5. Good practice\n\nGood.\n\n## 6. Questions\n\nAsk.\n\n"
        "## 7. Resources\n\nCall {{phone front-door}}.\n");
  write("content/newsletters/spring-2024.md",
        "---\ntitle: Spring 2024\ndate: 2024-03-15\nissue: 1\nseries: Safeguarding Matters\n---\n\n"
        "## First article\n\nText.\n\n### A part\n\nMore.\n\n## Second article\n\nText.\n");
  write("content/procedures/children/_index.md", "---\ntitle: Children's procedures\norder: 1\n---\n\nThe manual.\n");
  write("content/procedures/children/referrals.md",
        "---\ntitle: Making a referral\norder: 1\nowner: Testshire Partnership\namendment: First version.\n---\n\n"
        "## When to refer\n\nRefer early.\n");
  write("content/events/conference.md",
        "---\ntitle: Annual conference\nstart: 2024-06-12T09:30:00\nend: 2024-06-12T16:00:00\n"
        "location: Testshire Hall\n---\n\nA day of learning.\n");
  write("content/pages/about.md", "---\ntitle: About us\n---\n\nWho we are.\n");
}

RunResult TempSite::herald(const std::string& args) const { return herald_at(HERALD_BINARY, args); }

RunResult TempSite::herald_at(const std::string& binary, const std::string& args) const {
  return run_command("cd " + quote(dir_) + " && " + quote(binary) + " " + args);
}

std::string TempSite::read(const std::string& path) const { return read_file((fs::path(dir_) / path).string()); }

bool TempSite::exists(const std::string& path) const { return fs::exists(fs::path(dir_) / path); }

std::map<std::string, std::string> read_tree(const std::string& dir) {
  std::map<std::string, std::string> out;
  if (!fs::exists(dir)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file())
      out[fs::relative(entry.path(), dir).generic_string()] = read_file(entry.path().string());
  return out;
}

}  // namespace herald::test
