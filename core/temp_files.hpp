#pragma once
#include <string>

namespace jb {

// Files being built under a temporary name. An interrupted run (Ctrl-C, SIGTERM, SIGHUP) removes
// them before it dies, so a killed import leaves the previous state intact and nothing new behind.
void register_temp_file(const std::string& path);
void unregister_temp_file(const std::string& path);
void install_interrupt_cleanup();

// Registers a temporary file for its scope and removes it at the end, whatever happens.
class TempFileGuard {
public:
    explicit TempFileGuard(std::string path);
    ~TempFileGuard();
    TempFileGuard(const TempFileGuard&) = delete;
    TempFileGuard& operator=(const TempFileGuard&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace jb
