// What one build's stages share, and the small lookups every stage uses.
#include "pipeline/build_context.h"

#include <git2.h>
#include <sys/stat.h>

#include <fmt/format.h>

#include "output/pdf/pdf_module.h"

namespace herald {
namespace {

/// herald's version and which build of it this is (the executable's and the
/// PDF module's sizes and times: the module draws the PDFs the cache keeps):
/// a cache written by another build of herald is not used.
std::string herald_identity() {
  auto file = [](const std::string& path) -> std::string {
    struct stat st;
    if (path.empty() || ::stat(path.c_str(), &st) != 0) return "none";
    return fmt::format("{} {}.{}", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  };
  return fmt::format("herald {} {} pdf {}", HERALD_VERSION, file("/proc/self/exe"), file(pdf_module_path()));
}

}  // namespace

FilesToDiagnostics::~FilesToDiagnostics() {
  auto files = std::make_shared<const std::vector<SourceFile>>(std::move(site.files));
  std::shared_ptr<const Repository> repo(std::move(site.repo));
  diags.set_source_lookup([files, repo](const std::string& path) -> std::optional<std::string> {
    const SourceFile* f = find_file(*files, path);
    if (!f) return std::nullopt;
    if (f->unread && repo) return repo->read_blob(f->blob_id);
    return f->content;
  });
}

BuildContext::BuildContext(const BuildOptions& o, Diagnostics& d, BuildResult& r)
    : options(o), diags(d), result(r), identity(herald_identity()) {}

bool BuildContext::unusable(std::string why) {
  result.status = BuildResult::Status::unusable;
  result.fatal = std::move(why);
  return false;
}

bool BuildContext::failed() {
  result.status = BuildResult::Status::content_errors;
  return false;
}

std::string cache_dir(const Repository& repo) {
  std::string root = repo.workdir();
  return root.empty() ? std::string(git_repository_path(repo.raw())) + "herald-cache" : root + ".herald-cache";
}

const SourceFile* find_file(const std::vector<SourceFile>& files, const std::string& path) {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const SourceFile& f, const std::string& p) { return f.path < p; });
  return it != files.end() && it->path == path ? &*it : nullptr;
}

std::string site_inputs(const std::vector<SourceFile>& files) {
  const SourceFile* config = find_file(files, "herald.yaml");
  const SourceFile* contacts = find_file(files, "data/contacts.yaml");
  return (config ? config->blob_id : "") + ' ' + (contacts ? contacts->blob_id : "");
}

std::string parse_inputs(const std::vector<SourceFile>& files, const BuildOptions& options) {
  return site_inputs(files) + (options.strict ? " strict" : "");
}

}  // namespace herald
