#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace jb {
namespace sql {
class Db;
}
class Sink;
class Progress;

struct AdapterOption {
    std::string name;
    std::string description;
    std::string default_value;
};

// What an adapter is and can do, declared as data: `jbridge adapters`, help and --from/--to
// validation are generated from it.
struct AdapterInfo {
    std::string name;
    std::string platform;
    std::string version;
    bool reads = false;
    bool writes = false;
    bool offline = false;
    bool online = false;
    bool reads_folders = false;         // a folder input is read as a whole (saved pages)
    std::vector<std::string> entities;  // archive tables it yields
    std::vector<std::string> inputs;    // recognised inputs, in words
    std::vector<AdapterOption> options;
};

nlohmann::json to_json(const AdapterInfo& info);

// The first bytes of an input, for cheap identification.
struct InputProbe {
    std::string path;
    std::string head;  // up to 64 KiB
    bool is_directory = false;
};
InputProbe probe_input(const std::string& path);

enum class Confidence { no = 0, maybe = 1, certain = 2 };

// What an import tells every adapter; progress is reported by the importer from the records sunk.
class UnknownValues;

struct ReadContext {
    std::optional<int> school_year;     // --school-year; else inferred from the capture date
    UnknownValues* unknowns = nullptr;  // where adapters note values no mapping file knows
    // Every input of this import in order, for adapters whose inputs complete each other (a HAR
    // and the report pages saved next to it).
    std::vector<std::string> inputs;
};

class Adapter {
public:
    virtual ~Adapter() = default;
    virtual const AdapterInfo& info() const = 0;
    virtual Confidence identify(const InputProbe& probe) const = 0;
    // Streams the input's entities into the sink; throws jb::Error naming the file and the place.
    virtual void read(const std::string& input, const ReadContext& context, Sink& sink) const;
    // All inputs of one import; by default each is read on its own. An adapter whose inputs only
    // make sense together (one pupil's pages) overrides this.
    virtual void read_all(const std::vector<std::string>& inputs, const ReadContext& context, Sink& sink) const;
    // Writes the whole archive to `output` (the caller makes the write atomic).
    virtual void write(sql::Db& archive, std::ostream& output, Progress* progress) const;
};

bool register_adapter(std::unique_ptr<Adapter> adapter);
const Adapter* find_adapter(const std::string& name);
std::vector<const Adapter*> registered_adapters();  // sorted by name

// The adapter for --from auto: the most confident one; throws when none recognises the input.
const Adapter& identify_adapter(const std::string& input);

}  // namespace jb

// In an adapter's .cpp: JBRIDGE_REGISTER_ADAPTER(NativeAdapter);
#define JBRIDGE_REGISTER_ADAPTER(Type) \
    [[maybe_unused]] static const bool jbridge_registered_##Type = ::jb::register_adapter(std::make_unique<Type>())
