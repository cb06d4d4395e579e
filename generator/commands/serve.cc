// `herald serve`: live preview of the working tree.
#include <cstdio>

#include "commands/commands.h"

namespace herald {

int command_serve(const std::string& repo, const std::string& bind, int port, bool drafts) {
  (void)repo;
  (void)bind;
  (void)port;
  (void)drafts;
  std::fprintf(stderr, "error: herald serve is not available in this version: run herald build and open public/\n");
  return 2;
}

}  // namespace herald
