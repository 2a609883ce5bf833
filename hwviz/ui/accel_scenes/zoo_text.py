"""The lecture's points about each kind of processor, as short captions (the lecture:
shared/seed, sections "CPU VS GPU" and "TPU和其他")."""

from __future__ import annotations

from hwviz.ui.accel_scenes import tr


def family_names() -> dict[str, str]:
    """Each family's name on the axis."""
    return {"asic": tr("AI ASIC"), "fpga": tr("FPGA"), "dsp": tr("DSP"), "gpu": tr("GPU"), "cpu": tr("CPU")}


def captions() -> dict[str, str]:
    """The lecture's points per family; ``all`` is the overview."""
    return {
        "all": tr("All kinds. The more special the hardware, the more work per watt, and the less it can do: from the "
                  "fixed-function AI ASIC (left) to the general-purpose CPU (right). Step through the kinds."),
        "asic": tr("AI ASIC: every big company builds its own; Google's TPU, a systolic array, rivals NVIDIA's "
                   "GPUs. A tape-out costs millions of dollars, a design takes 2-3 years and hundreds of millions: "
                   "it is simulated on CPUs, then on FPGAs, before it is made. If the network architecture "
                   "goes out of fashion, the chip may not fit. An NPU's advertised TOPS are rarely reached: "
                   "10 % is not guaranteed (the lecture's Q&A)."),
        "fpga": tr("FPGA: many programmable logic blocks and configurable wiring (VHDL, Verilog), configured "
                   "to compute complex functions; often more efficient than general hardware. One 'compile' "
                   "changes the physical logic and takes hours, days on a big part. Used to check ASIC designs "
                   "and in routers and data centres."),
        "dsp": tr("DSP: designed for dot products, convolutions and FFTs; low power, high performance (5x a "
                  "mobile GPU at lower power). VLIW: one very long instruction does hundreds of multiply-"
                  "accumulates, wasted if there are not hundreds to do. Hard to program and debug; compilers "
                  "of uneven quality. Many phone 'NPUs' are DSPs."),
        "gpu": tr("GPU: thousands of small cores (2k / 4k) and high memory bandwidth (400 GB/s / 1 TB/s) for "
                  "massively parallel work; weak control flow. Keep it busy: thousands of threads, locality, "
                  "few branches; do not copy data to and from the CPU more than needed."),
        "cpu": tr("CPU: general-purpose computing with strong control flow; 6 / 64 cores, 0.2 / 1 TFLOPS, "
                  "30 / 100 GB/s (ordinary / high-end). Performance comes from reading data efficiently and "
                  "from threads. Mature compilers for C++ and other high-performance languages."),
    }
