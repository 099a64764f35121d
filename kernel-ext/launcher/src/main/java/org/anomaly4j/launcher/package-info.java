/**
 * The {@code anomaly4j} kernelspec's entry point ({@link org.anomaly4j.launcher.KernelLauncher}), built as its
 * own jar ({@code kernel-ext/launcher/target/anomaly4j-kernel-launcher.jar}) together with two patched Rapaio
 * 3.0.1 classes ({@code org.rapaio.jupyter.kernel.channels.LoopThread}: start-up race;
 * {@code ControlChannel}: interrupting a cell), a quieter {@code logging.properties} for the kernel and the
 * progress sink that shows fit and download progress in cells. Only the kernelspec puts this jar on a class
 * path (first); the library jar holds {@code org/anomaly4j/**} only.
 */
package org.anomaly4j.launcher;
