#if canImport(Glibc)
import Glibc
#endif
import ProbeWorkerService

// `footage-probe-worker --configuration JSON`: the isolated process the probe pool starts beside
// `footage`. It links only what reading media needs, so that starting one costs as little as it can.
exit(ProbeWorker.main(arguments: Array(CommandLine.arguments.dropFirst())))
