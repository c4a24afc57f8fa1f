#pragma once
#include <string>

namespace jb {

// Files being built under a temporary name. An interrupted run (Ctrl-C, SIGTERM, SIGHUP) removes
// them before it dies, so a killed import leaves the previous state intact and nothing new behind.
void register_temp_file(const std::string& path);
void unregister_temp_file(const std::string& path);
void install_interrupt_cleanup();

}  // namespace jb
