package ch.mspguard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class HardeningApplication {

	public static void main(String[] args) {
		SpringApplication.run(HardeningApplication.class, args);
	}

}
