// Tests for core/file_io: every byte written, and a failed write reported.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <thread>

#include "core/file_io.h"

using namespace herald;

TEST_CASE("file_io: a write cut short by a signal goes on until every byte is written") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  // More than a pipe holds: the write blocks once the pipe is full, and a
  // signal then ends it early with what it wrote so far.
  std::string text;
  for (int i = 0; text.size() < 300000; ++i) text += std::to_string(i) + '\n';
  struct sigaction quiet {};
  quiet.sa_handler = [](int) {};  // no SA_RESTART: the blocked write returns
  struct sigaction before {};
  REQUIRE(::sigaction(SIGUSR1, &quiet, &before) == 0);
  pthread_t writer = ::pthread_self();
  std::string got;
  std::thread reader([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    ::pthread_kill(writer, SIGUSR1);
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, static_cast<size_t>(n));
  });
  bool written = write_fully(fds[1], text);
  ::close(fds[1]);
  reader.join();
  ::close(fds[0]);
  ::sigaction(SIGUSR1, &before, nullptr);
  CHECK(written);
  CHECK(got.size() == text.size());
  CHECK(got == text);
}

TEST_CASE("file_io: a write that fails is reported, with errno") {
  int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  errno = 0;
  CHECK_FALSE(write_fully(fd, "not writable"));
  CHECK(errno == EBADF);
  CHECK(write_fully(fd, ""));  // nothing to write
  ::close(fd);
}
