#include "core/net/secrets.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/error.hpp"

namespace jb::net {
namespace {

std::string trimmed(std::string text) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && blank(text.back())) text.pop_back();
    std::size_t begin = 0;
    while (begin < text.size() && blank(text[begin])) ++begin;
    return text.substr(begin);
}

std::string read_secret_file(const std::string& path, const std::string& what) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw Error(path + ": cannot open the " + what + " file: " + std::strerror(errno));
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        throw Error(path + ": the " + what + " file must be a regular file");
    }
    if ((info.st_mode & 077) != 0) {
        ::close(fd);
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
        throw Error(path + ": the " + what + " file has mode " + mode +
                    ", so other users can read or change it; refusing to use it. Run `chmod 600 " + path +
                    "` and try again");
    }
    std::string text;
    char buffer[4096];
    for (;;) {
        ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) {
            int error = errno;
            ::close(fd);
            throw Error(path + ": cannot read the " + what + " file: " + std::strerror(error));
        }
        if (got == 0) break;
        text.append(buffer, static_cast<std::size_t>(got));
        if (text.size() > 65536) {
            ::close(fd);
            throw Error(path + ": the " + what + " file is too large to hold a " + what);
        }
    }
    ::close(fd);
    std::string secret = trimmed(std::move(text));
    if (secret.empty()) throw Error(path + ": the " + what + " file is empty");
    return secret;
}

}  // namespace

std::string load_secret(const std::string& file_path, const std::string& env_name, const std::string& what) {
    if (!file_path.empty()) return read_secret_file(file_path, what);
    const char* value = env_name.empty() ? nullptr : std::getenv(env_name.c_str());
    if (!value || trimmed(value).empty())
        throw Error("no " + what + ": put it in the environment variable " + env_name +
                    " or in a file only you can read (chmod 600) given with --token-file");
    return trimmed(value);
}

}  // namespace jb::net
