package dev.switchboard.compute;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A TSP compute instance: serves tsp.compute.anneal with the annealing kernel. */
@SpringBootApplication
public class ComputeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComputeApplication.class, args);
    }
}
